// Where single sign-on may send a browser once signed in: a path on the page's own origin, never another site.
import { returnPath } from '../../src/api/auth/single-sign-on';

describe('the path single sign-on returns to', () => {
  it.each(['/', '/#/organizers/3f1c', '/#/today', '/?view=board#/x'])('keeps %p', (path) => {
    expect(returnPath(path)).toBe(path);
  });

  it.each([
    '//evil.example/x',
    '/\\evil.example',
    'https://evil.example/',
    'javascript:alert(1)',
    'organizers',
    '/a b',
    '/\u0000x',
    `/${'x'.repeat(500)}`,
    undefined,
    ['/', '/x'],
  ])('sends %p to the start page', (path) => {
    expect(returnPath(path)).toBe('/');
  });
});
