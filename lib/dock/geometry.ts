/**
 * Sizes of the docked panel. The open panel takes a fixed strip on the right;
 * the collapsed tab is small and sits low on the right edge, below where
 * Gmail, Outlook and Calendar put their own right-hand toolbars.
 */
export const PANEL_WIDTH_PX = 360;
/** Never let the panel take the whole window on a narrow screen. */
export const MIN_HOST_VISIBLE_PX = 120;
export const TAB_WIDTH_PX = 22;
export const TAB_HEIGHT_PX = 84;
/** Distance of the collapsed tab from the bottom of the window. */
export const TAB_BOTTOM_PX = 96;
/** Above the host's own overlays, below nothing. */
export const DOCK_Z_INDEX = 2147483000;
