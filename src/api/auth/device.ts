// A browser as people name it ("Chrome on Android"), from its User-Agent: the sessions list shows this, not the header.
import { say } from '../../words/say';

const browsers: [RegExp, string][] = [
  [/Edg(e|A|iOS)?\//, 'Edge'],
  [/OPR\/|Opera/, 'Opera'],
  [/Firefox\/|FxiOS\//, 'Firefox'],
  [/Chrome\/|CriOS\/|Chromium\//, 'Chrome'],
  [/Safari\//, 'Safari'],
];
const systems: [RegExp, string][] = [
  [/Android/, 'Android'],
  [/iPhone|iPod/, 'iPhone'],
  [/iPad/, 'iPad'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/CrOS/, 'ChromeOS'],
  [/Linux/, 'Linux'],
];

const first = (patterns: [RegExp, string][], text: string) => patterns.find(([pattern]) => pattern.test(text))?.[1];

export function deviceOf(userAgent: string | undefined): string {
  const agent = userAgent ?? '';
  const browser = first(browsers, agent);
  const system = first(systems, agent);
  if (browser && system) return say('device.named', { browser, system });
  return browser ?? system ?? (agent.slice(0, 60) || say('device.unknown'));
}
