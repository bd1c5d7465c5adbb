import tzLookup from '@photostructure/tz-lookup';
import { IANAZone } from 'luxon';
import { WINDOWS_TO_IANA_MAP } from 'windows-iana';

// Windows time zone ids (`Eastern Standard Time`) → IANA, from CLDR's windowsZones.xml as the windows-iana package
// ships it: the zone of the "001" territory, which CLDR names as the one to use when the country is unknown.
const WINDOWS_IDS: ReadonlyMap<string, string> = new Map(
  WINDOWS_TO_IANA_MAP.filter((entry) => entry.territory === '001' && entry.iana[0]).map((entry) => [
    entry.windowsName.toLowerCase(),
    entry.iana[0]!,
  ]),
);

// The display names Outlook writes in TZIDs, without their "(UTC±hh:mm) " prefix.
const OUTLOOK_DISPLAY_NAMES: Record<string, string> = {
  'eastern time (us & canada)': 'America/New_York',
  'central time (us & canada)': 'America/Chicago',
  'mountain time (us & canada)': 'America/Denver',
  'pacific time (us & canada)': 'America/Los_Angeles',
  'atlantic time (canada)': 'America/Halifax',
  arizona: 'America/Phoenix',
  alaska: 'America/Anchorage',
  hawaii: 'Pacific/Honolulu',
  'dublin, edinburgh, lisbon, london': 'Europe/London',
  'amsterdam, berlin, bern, rome, stockholm, vienna': 'Europe/Berlin',
  'brussels, copenhagen, madrid, paris': 'Europe/Paris',
  'belgrade, bratislava, budapest, ljubljana, prague': 'Europe/Budapest',
  'sarajevo, skopje, warsaw, zagreb': 'Europe/Warsaw',
  'helsinki, kyiv, riga, sofia, tallinn, vilnius': 'Europe/Kyiv',
  'athens, bucharest': 'Europe/Bucharest',
  jerusalem: 'Asia/Jerusalem',
  'moscow, st. petersburg': 'Europe/Moscow',
  'moscow, st. petersburg, volgograd': 'Europe/Moscow',
  'chennai, kolkata, mumbai, new delhi': 'Asia/Kolkata',
  'beijing, chongqing, hong kong, urumqi': 'Asia/Shanghai',
  'kuala lumpur, singapore': 'Asia/Singapore',
  'osaka, sapporo, tokyo': 'Asia/Tokyo',
  seoul: 'Asia/Seoul',
  brisbane: 'Australia/Brisbane',
  'canberra, melbourne, sydney': 'Australia/Sydney',
  'auckland, wellington': 'Pacific/Auckland',
  'coordinated universal time': 'UTC',
};

/** True when `name` is an IANA zone this runtime knows (`America/Chicago`, `UTC`, legacy `US/Pacific`). */
export function isIanaZone(name: string): boolean {
  return name.length <= 64 && IANAZone.isValidZone(name);
}

/**
 * An IANA zone name for what sources put in a TZID or a `timezone` field: IANA names (also inside
 * prefixes like `/mozilla.org/20050126_1/America/New_York`), Windows ids (`Eastern Standard Time`), Outlook
 * display names (`(UTC-05:00) Eastern Time (US & Canada)`) and fixed offsets (`UTC+2` → `Etc/GMT-2`).
 * `undefined` when none of these fits.
 */
export function resolveTimeZone(name: unknown): string | undefined {
  if (typeof name !== 'string') return undefined;
  const raw = name.trim().replace(/^"|"$/g, '');
  if (!raw || raw.length > 120) return undefined;
  if (/^(z|utc|gmt|etc\/utc|etc\/gmt)$/i.test(raw)) return 'UTC';
  if (isIanaZone(raw)) return raw;
  const suffix = /([A-Z][A-Za-z_-]+\/[A-Z][A-Za-z_/-]+)$/.exec(raw)?.[1];
  if (suffix && isIanaZone(suffix)) return suffix;
  const key = raw
    .replace(/^\((utc|gmt)\s*[+-]?\d{0,2}:?\d{0,2}\)\s*/i, '')
    .trim()
    .toLowerCase();
  const windows = WINDOWS_IDS.get(key) ?? OUTLOOK_DISPLAY_NAMES[key];
  if (windows) return windows;
  const offset = /^(?:utc|gmt)\s*([+-])\s*(\d{1,2})(?::?00)?$/i.exec(raw);
  if (offset) {
    const hours = Number(offset[2]);
    if (hours === 0) return 'UTC';
    // IANA's Etc/GMT zones have the sign inverted: UTC+2 is Etc/GMT-2.
    if (hours <= 14) return `Etc/GMT${offset[1] === '+' ? '-' : '+'}${hours}`;
  }
  return undefined;
}

// One zone per country where one zone covers (nearly) everyone; large multi-zone countries get their most
// populous zone only when no region says better (US, Canada and Australia are looked up by region instead).
const COUNTRY_ZONES: Record<string, string> = Object.fromEntries(
  (
    'AD:Europe/Andorra AE:Asia/Dubai AF:Asia/Kabul AL:Europe/Tirane AM:Asia/Yerevan AO:Africa/Luanda ' +
    'AR:America/Argentina/Buenos_Aires AT:Europe/Vienna AZ:Asia/Baku BA:Europe/Sarajevo BD:Asia/Dhaka ' +
    'BE:Europe/Brussels BG:Europe/Sofia BH:Asia/Bahrain BO:America/La_Paz BR:America/Sao_Paulo BY:Europe/Minsk ' +
    'CH:Europe/Zurich CI:Africa/Abidjan CL:America/Santiago CN:Asia/Shanghai CO:America/Bogota CR:America/Costa_Rica ' +
    'CU:America/Havana CY:Asia/Nicosia CZ:Europe/Prague DE:Europe/Berlin DK:Europe/Copenhagen ' +
    'DO:America/Santo_Domingo DZ:Africa/Algiers EC:America/Guayaquil EE:Europe/Tallinn EG:Africa/Cairo ' +
    'ES:Europe/Madrid ET:Africa/Addis_Ababa FI:Europe/Helsinki FR:Europe/Paris GB:Europe/London GE:Asia/Tbilisi ' +
    'GH:Africa/Accra GR:Europe/Athens GT:America/Guatemala HK:Asia/Hong_Kong HN:America/Tegucigalpa HR:Europe/Zagreb ' +
    'HU:Europe/Budapest ID:Asia/Jakarta IE:Europe/Dublin IL:Asia/Jerusalem IN:Asia/Kolkata IQ:Asia/Baghdad ' +
    'IR:Asia/Tehran IS:Atlantic/Reykjavik IT:Europe/Rome JM:America/Jamaica JO:Asia/Amman JP:Asia/Tokyo ' +
    'KE:Africa/Nairobi KH:Asia/Phnom_Penh KR:Asia/Seoul KW:Asia/Kuwait KY:America/Cayman KZ:Asia/Almaty ' +
    'LB:Asia/Beirut LK:Asia/Colombo LT:Europe/Vilnius LU:Europe/Luxembourg LV:Europe/Riga MA:Africa/Casablanca ' +
    'MD:Europe/Chisinau ME:Europe/Podgorica MK:Europe/Skopje MT:Europe/Malta MU:Indian/Mauritius ' +
    'MX:America/Mexico_City MY:Asia/Kuala_Lumpur NA:Africa/Windhoek NG:Africa/Lagos NL:Europe/Amsterdam ' +
    'NO:Europe/Oslo NP:Asia/Kathmandu NZ:Pacific/Auckland OM:Asia/Muscat PA:America/Panama PE:America/Lima ' +
    'PH:Asia/Manila PK:Asia/Karachi PL:Europe/Warsaw PR:America/Puerto_Rico PT:Europe/Lisbon PY:America/Asuncion ' +
    'QA:Asia/Qatar RO:Europe/Bucharest RS:Europe/Belgrade RU:Europe/Moscow RW:Africa/Kigali SA:Asia/Riyadh ' +
    'SE:Europe/Stockholm SG:Asia/Singapore SI:Europe/Ljubljana SK:Europe/Bratislava SN:Africa/Dakar ' +
    'SV:America/El_Salvador TH:Asia/Bangkok TN:Africa/Tunis TR:Europe/Istanbul TW:Asia/Taipei TZ:Africa/Dar_es_Salaam ' +
    'UA:Europe/Kyiv UG:Africa/Kampala UY:America/Montevideo UZ:Asia/Tashkent VE:America/Caracas VN:Asia/Ho_Chi_Minh ' +
    'XK:Europe/Belgrade ZA:Africa/Johannesburg ZM:Africa/Lusaka ZW:Africa/Harare'
  )
    .split(' ')
    .map((pair) => pair.split(':') as [string, string]),
);

const US_STATE_ZONES: Record<string, string> = Object.fromEntries(
  (
    'America/New_York:CT,DE,DC,FL,GA,ME,MD,MA,MI,NH,NJ,NY,NC,OH,PA,RI,SC,VT,VA,WV,IN,KY ' +
    'America/Chicago:AL,AR,IL,IA,KS,LA,MN,MS,MO,NE,ND,OK,SD,TN,TX,WI ' +
    'America/Denver:CO,MT,NM,UT,WY,ID America/Phoenix:AZ America/Los_Angeles:CA,NV,OR,WA ' +
    'America/Anchorage:AK Pacific/Honolulu:HI America/Puerto_Rico:PR'
  )
    .split(' ')
    .flatMap((group) => {
      const [zone, states] = group.split(':') as [string, string];
      return states.split(',').map((s) => [s, zone]);
    }),
);

const CA_PROVINCE_ZONES: Record<string, string> = {
  BC: 'America/Vancouver',
  AB: 'America/Edmonton',
  SK: 'America/Regina',
  MB: 'America/Winnipeg',
  ON: 'America/Toronto',
  QC: 'America/Toronto',
  NB: 'America/Halifax',
  NS: 'America/Halifax',
  PE: 'America/Halifax',
  NL: 'America/St_Johns',
  YT: 'America/Whitehorse',
  NT: 'America/Yellowknife',
  NU: 'America/Iqaluit',
};

const AU_STATE_ZONES: Record<string, string> = {
  NSW: 'Australia/Sydney',
  ACT: 'Australia/Sydney',
  VIC: 'Australia/Melbourne',
  QLD: 'Australia/Brisbane',
  SA: 'Australia/Adelaide',
  WA: 'Australia/Perth',
  TAS: 'Australia/Hobart',
  NT: 'Australia/Darwin',
};

/** The zone of the land at a point (the `tz-lookup` map), or `undefined` for bad coordinates or open sea. */
function zoneAt(lat: number | undefined, lng: number | undefined): string | undefined {
  if (typeof lat !== 'number' || typeof lng !== 'number' || !Number.isFinite(lat) || !Number.isFinite(lng)) {
    return undefined;
  }
  if (Math.abs(lat) > 90 || Math.abs(lng) > 180 || (lat === 0 && lng === 0)) return undefined;
  try {
    const zone = tzLookup(lat, lng);
    // Over the sea the map answers with nautical zones (Etc/GMT+5): no venue is there.
    return zone.startsWith('Etc/') || !isIanaZone(zone) ? undefined : zone;
  } catch {
    return undefined;
  }
}

function zoneOfRegion(country: string | undefined, region: string | undefined): string | undefined {
  if (!country) return undefined;
  const code = region?.toUpperCase();
  if (country === 'US') return code ? US_STATE_ZONES[code] : undefined;
  if (country === 'CA') return code ? CA_PROVINCE_ZONES[code] : undefined;
  if (country === 'AU') return code ? AU_STATE_ZONES[code] : undefined;
  return COUNTRY_ZONES[country];
}

/**
 * The IANA zone a place is most likely in: from its coordinates when it has them (a state can span two zones: El
 * Paso, TX keeps Mountain time), else from its ISO country and (for the US, Canada and Australia) its region code;
 * `undefined` when the place doesn't say enough (a US venue with neither a state nor coordinates).
 */
export function zoneForPlace(
  place: { country?: string; region?: string; lat?: number; lng?: number } | undefined,
): string | undefined {
  if (!place) return undefined;
  return zoneAt(place.lat, place.lng) ?? zoneOfRegion(place.country, place.region);
}
