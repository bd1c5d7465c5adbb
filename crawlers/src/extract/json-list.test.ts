import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeRawEvent } from '../normalize/normalize-event.js';
import { countryCode } from '../normalize/normalize-place.js';
import { readShared, SHARED_DATA, sharedDataPresent } from './fixtures/shared-data.js';
import { extractJsonList, topicFromPath } from './json-list.js';

const SAMPLE = JSON.stringify([
  {
    name: 'JSNation',
    url: 'https://jsnation.com',
    startDate: '2027-06-10',
    endDate: '2027-06-14',
    city: 'Amsterdam',
    country: 'Netherlands',
    online: true,
    locales: 'EN',
    cfpUrl: 'https://gitnation.org/cfp',
    cfpEndDate: '2027-02-01',
    twitter: '@jsnation',
  },
  {
    name: 'Remote Rust',
    url: 'https://remote.example.dev',
    startDate: '2027-09-01',
    endDate: '2027-09-01',
    online: true,
  },
  { name: 'No date conf', url: 'https://x.example' },
  'not an object',
]);

describe('extractJsonList', () => {
  const result = extractJsonList(SAMPLE, 'https://confs.tech/', {
    topic: topicFromPath('conferences/2027/javascript.json'),
  });

  it('maps the conference-data fields, with the topic from the file name', () => {
    expect(result.events[0]).toEqual({
      title: 'JSNation',
      url: 'https://jsnation.com/',
      start: '2027-06-10',
      end: '2027-06-14',
      allDay: true,
      uid: '2027-06-10@https://jsnation.com/',
      attendanceMode: 'mixed',
      venue: { city: 'Amsterdam', country: 'Netherlands' },
      virtualUrl: 'https://jsnation.com/',
      typeHint: 'javascript',
      keywords: ['lang:en'],
      cfpUrl: 'https://gitnation.org/cfp',
      cfpEnd: '2027-02-01',
      extractedBy: 'json-list',
    });
    expect(result.events[1]).toMatchObject({ attendanceMode: 'online' });
    expect(result.events[1]!.venue).toBeUndefined();
  });

  it('counts every entry and says why each skipped one was skipped', () => {
    expect(result.total).toBe(4);
    expect(result.events).toHaveLength(2);
    expect(result.warnings).toEqual([
      'json-list: entry 3 "No date conf" skipped: no startDate',
      'json-list: entry 4 skipped: not an object',
    ]);
  });

  it('rejects non-lists clearly', () => {
    expect(extractJsonList('{"a":1}', 'https://x.example/').warnings).toEqual(['json-list: no array of entries found']);
    expect(extractJsonList('nope', 'https://x.example/').warnings[0]).toMatch(/^json-list: not JSON/);
  });
});

describe('the whole conference-data set (../shared/data/conference-data)', () => {
  it('imports every file: extracted + skipped = entries, and all of them normalize', () => {
    if (!sharedDataPresent('conference-data import')) return;
    const root = path.join(SHARED_DATA, 'conference-data', 'conferences');
    let entries = 0;
    let extracted = 0;
    const skipped: string[] = [];
    const unknownCountries = new Set<string>();
    let normalized = 0;
    let files = 0;
    for (const year of readdirSync(root).sort()) {
      for (const file of readdirSync(path.join(root, year)).filter((f) => f.endsWith('.json'))) {
        files++;
        const body = readShared('conference-data', 'conferences', year, file);
        entries += (JSON.parse(body) as unknown[]).length;
        const result = extractJsonList(body, 'https://confs.tech/', { topic: topicFromPath(file) });
        extracted += result.events.length;
        skipped.push(...result.warnings.map((w) => `${year}/${file}: ${w}`));
        for (const event of result.events) {
          if (event.venue?.country && !countryCode(event.venue.country)) unknownCountries.add(event.venue.country);
          const { event: out } = normalizeRawEvent(event, { defaultTimeZone: 'UTC' });
          if (out) normalized++;
        }
      }
    }
    console.info(
      `conference-data: ${files} files, ${entries} entries, ${extracted} extracted, ${skipped.length} skipped`,
    );
    if (skipped.length > 0) console.info(skipped.slice(0, 20).join('\n'));
    expect(entries).toBe(6831);
    expect(extracted + skipped.length).toBe(entries);
    expect(skipped).toEqual([]);
    expect(normalized).toBe(extracted);
    expect([...unknownCountries]).toEqual([]);
  });
});
