import { describe, expect, it } from 'vitest';
import { HOST_ADAPTERS } from './registry';
import { HOST_IDS } from './supported-hosts';

describe('HOST_ADAPTERS', () => {
  it('has exactly one adapter per supported host, each registered under its own id', () => {
    expect(Object.keys(HOST_ADAPTERS).sort()).toEqual([...HOST_IDS].sort());
    for (const id of HOST_IDS) expect(HOST_ADAPTERS[id].id).toBe(id);
  });

  it.each(HOST_IDS)('%s gives the watcher a selector the browser accepts', (id) => {
    expect(() => document.querySelector(HOST_ADAPTERS[id].watchSelector)).not.toThrow();
    expect(HOST_ADAPTERS[id].watchAttributes.length).toBeGreaterThan(0);
  });
});
