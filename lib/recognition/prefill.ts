/**
 * A name to prefill "create account" with, from an unknown domain:
 * `acme-robotics.co.uk` → `Acme Robotics`. Only a suggestion the CSM edits;
 * it never guesses word breaks inside `acmerobotics`.
 *
 * `displayHost` is the host as the participant's address spelled it: for an
 * internationalised domain it is the readable form (`bücher.de`) while
 * `registrable` is punycode (`xn--bcher-kva.de`).
 */
export function suggestAccountName(registrable: string, displayHost?: string): string {
  const label = readableLabel(registrable, displayHost);
  const words = label.split(/[-_]+/).filter((word) => word !== '');
  if (words.length === 0) return registrable;
  return words.map((word) => word.charAt(0).toLocaleUpperCase() + word.slice(1)).join(' ');
}

/** The registrable domain's own label (before its public suffix), in readable form when there is one. */
function readableLabel(registrable: string, displayHost: string | undefined): string {
  const asciiLabels = registrable.split('.');
  const asciiLabel = asciiLabels[0] ?? registrable;
  if (!asciiLabel.startsWith('xn--') || !displayHost) return asciiLabel;
  // IDNA maps label for label, and these are the dots it accepts as separators.
  const displayLabels = displayHost.split(/[.\u3002\uff0e\uff61]/).filter((label) => label !== '');
  const aligned = displayLabels[displayLabels.length - asciiLabels.length];
  return aligned ?? asciiLabel;
}
