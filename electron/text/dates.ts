// Feed dates → ISO 8601 instants in UTC. Reads RFC 822 (and its common breakages), ISO 8601 / W3C-DTF and asctime;
// named zones as feeds write them (EST, ET, MET, CEST, Etc/GMT+5, military letters); a time without a zone is UTC;
// a 2-digit year is windowed (00–69 → 2000s, 70–99 → 1900s). Anything else gives null, never an exception.

/** Offsets in minutes east of UTC. Military letters follow feedparser (A–M west, N–Y east), as feeds use them. */
const ZONES: Record<string, number> = {
  ut: 0, utc: 0, gmt: 0, z: 0, wet: 0, bst: 60,
  est: -300, edt: -240, et: -300, cst: -360, cdt: -300, ct: -360, mst: -420, mdt: -360, mt: -420,
  pst: -480, pdt: -420, pt: -480, akst: -540, akdt: -480, hst: -600, ast: -240, adt: -180, at: -240,
  nst: -210, ndt: -150,
  met: 60, mest: 120, cet: 60, cest: 120, mez: 60, mesz: 120, eet: 120, eest: 180, msk: 180, msd: 240,
  jst: 540, kst: 540, hkt: 480, sgt: 480, aest: 600, aedt: 660, acst: 570, awst: 480, nzst: 720, nzdt: 780,
};
for (let i = 0; i < 26; i++) {
  const letter = String.fromCharCode(97 + i);
  if (letter === 'j' || letter === 'z') continue;
  const hours = letter <= 'i' ? -(i + 1) : letter <= 'm' ? -i : i - 12;
  ZONES[letter] = hours * 60;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

function fullYear(text: string): number {
  const y = Number(text);
  if (text.length > 2) return y;
  return y < 70 ? 2000 + y : 1900 + y;
}

/** Minutes east of UTC for a zone token: +0100, -05:00, +1, Z, EST, Etc/GMT+5, GMT+2, UTC-3:30; undefined if unknown. */
export function zoneOffset(token: string): number | undefined {
  let t = token.trim().toLowerCase().replace(/^\(|\)$/g, '');
  if (t === '') return 0;
  // POSIX names count the other way round: Etc/GMT+5 is five hours west.
  const etc = /^etc\/(?:gmt|utc|ut)([+-]\d{1,2})?$/.exec(t);
  if (etc) return etc[1] ? -Number(etc[1]) * 60 : 0;
  const named = /^(?:gmt|utc|ut)([+-].*)$/.exec(t);
  if (named?.[1]) t = named[1];
  if (t in ZONES) return ZONES[t];
  const num = /^([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(t);
  if (!num) return undefined;
  const minutes = Number(num[2]) * 60 + Number(num[3] ?? 0);
  return num[1] === '-' ? -minutes : minutes;
}

function toIso(year: number, month: number, day: number, h: number, mi: number, s: number, ms: number, offsetMin: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || h > 24 || mi > 59 || s > 61) return null;
  // Reject 31 February and the like instead of rolling over into the next month.
  if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return null;
  const t = Date.UTC(year, month - 1, day, h, mi, Math.min(s, 59), ms) - offsetMin * 60_000;
  const d = new Date(t);
  if (Number.isNaN(t) || d.getUTCFullYear() < 1 || d.getUTCFullYear() > 9999) return null;
  return d.toISOString();
}

const ISO = /^(\d{4}|\d{2})(?:-?(\d{2})(?:-?(\d{2}))?)?(?:[T\s]+(\d{1,2})(?::?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?)?\s*(z|utc|gmt|[+-]\d{1,2}(?::?\d{2})?)?$/i;
const ORDINAL = /^(\d{4})-?(\d{3})(?:T(\d{2}):?(\d{2})(?::?(\d{2}))?)?\s*(z|[+-]\d{2}(?::?\d{2})?)?$/i;

function parseIso(text: string): string | null | undefined {
  const o = ORDINAL.exec(text);
  if (o) {
    const [, y = '', doy = '', h, mi, s, zone] = o;
    const offset = zone ? zoneOffset(zone) : 0;
    if (offset === undefined || Number(doy) < 1 || Number(doy) > 366) return null;
    const t = Date.UTC(Number(y), 0, Number(doy), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0)) - offset * 60_000;
    return Number.isNaN(t) ? null : new Date(t).toISOString();
  }
  const m = ISO.exec(text);
  if (m) {
    const [, y = '', mo, d, h, mi, s, frac, zone] = m;
    if (y.length === 2 && mo === undefined) return undefined; // a bare two-digit number is not a date
    if (zone && h === undefined) return null; // 2013-01-27-01: a date with one part too many, not a zone
    const offset = zone ? zoneOffset(zone) : 0;
    if (offset === undefined) return null;
    const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
    return toIso(fullYear(y), Number(mo ?? 1), Number(d ?? 1), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0), ms, offset);
  }
  return undefined;
}

/** RFC 822 and its relatives: tokens in any reasonable order (asctime puts the year last). */
function parseLoose(text: string): string | null {
  const tokens = text.toLowerCase().replace(/,/g, ' ').replace(/\s+at\s+/g, ' ').split(/\s+/).filter(Boolean);
  let day: number | undefined, month: number | undefined, year: string | undefined;
  let time: number[] | undefined;
  let offset: number | undefined;
  let pm: boolean | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i] ?? '';
    const t = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?([+-]\d{2}:?\d{2}|z)?$/.exec(tok);
    if (t && !time) {
      time = [Number(t[1]), Number(t[2]), Number(t[3] ?? 0)];
      if (t[4]) offset = zoneOffset(t[4]);
      continue;
    }
    if (tok === 'am' || tok === 'pm') { pm = tok === 'pm'; continue; }
    if (tok.startsWith('(') && offset !== undefined) continue; // "+0000 (GMT)": a comment repeating the zone
    const mname = tok.replace(/\.$/, '').slice(0, 4);
    const mon = MONTHS[mname] ?? MONTHS[mname.slice(0, 3)];
    if (mon !== undefined && month === undefined && /^[a-z]+\.?$/.test(tok)) { month = mon; continue; }
    const dmy = /^(\d{1,2})-([a-z]{3,})-(\d{2,4})$/.exec(tok); // 01-Jan-2004
    if (dmy) { day = Number(dmy[1]); month = MONTHS[(dmy[2] ?? '').slice(0, 3)]; year = dmy[3]; continue; }
    const ymd = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(tok); // Perforce: Fri, 2006/09/15 08:19:53 EDT
    if (ymd) { year = ymd[1]; month = Number(ymd[2]); day = Number(ymd[3]); continue; }
    if (/^\d+$/.test(tok)) {
      if (tok.length <= 2 && day === undefined && Number(tok) >= 1 && Number(tok) <= 31 && !(year !== undefined && month === undefined)) day = Number(tok);
      else if (year === undefined && (tok.length === 4 || tok.length === 2)) year = tok;
      else return null;
      continue;
    }
    if (time && offset === undefined) {
      // The zone may be split in two ("GMT +0100") or named.
      const joined = tok + (tokens[i + 1] && /^[+-]\d/.test(tokens[i + 1] ?? '') ? tokens[++i] : '');
      const z = zoneOffset(joined);
      if (z !== undefined) { offset = z; continue; }
    }
    if (/^[a-z]+\.?$/.test(tok) && /^(mon|tue|wed|thu|fri|sat|sun)/.test(tok)) continue; // weekday: ignored
    if (offset === undefined && /^[+-]\d{4}$/.test(tok)) { offset = zoneOffset(tok); continue; }
    return null; // an unknown word (an unknown zone among them): better no date than a wrong one
  }
  if (day === undefined || month === undefined || year === undefined) return null;
  const [hour = 0, mi = 0, s = 0] = time ?? [];
  const h = pm !== undefined && hour <= 12 ? (hour % 12) + (pm ? 12 : 0) : hour;
  return toIso(fullYear(year), month, day, h, mi, s, 0, offset ?? 0);
}

/** Parses a date as feeds write them; returns an ISO 8601 UTC instant or null. */
export function parseFeedDate(input: string | null | undefined): string | null {
  if (!input) return null;
  const text = input.trim().replace(/\s+/g, ' ')
    .replace(/^(\d{4})-0(\d{2})-/, '$1-$2-') // Google's extra zero: 2003-012-31
    .replace(/^(\d{2})(\d{2})(\d{2})$/, '$1-$2-$3'); // 031231
  if (text === '') return null;
  const iso = parseIso(text);
  if (iso !== undefined) return iso;
  // ISO date with a named zone or a space-separated offset: 2004-02-28 18:14:55 -08:00, 2004-02-28T18:14:55 EST
  const isoZone = /^(\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s+(\S+)$/.exec(text);
  if (isoZone) {
    const offset = zoneOffset(isoZone[2] ?? '');
    const base = parseIso(isoZone[1] ?? '');
    if (offset === undefined || !base) return null;
    return new Date(Date.parse(base) - offset * 60_000).toISOString();
  }
  // 2003/12/31 or 03.12.31: year first (a day-first or month-first order is ambiguous, so it is not guessed).
  const ymd = /^(\d{2}|\d{4})[/.](\d{1,2})[/.](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (ymd) return toIso(fullYear(ymd[1] ?? ''), Number(ymd[2]), Number(ymd[3]), Number(ymd[4] ?? 0), Number(ymd[5] ?? 0), Number(ymd[6] ?? 0), 0, 0);
  return parseLoose(text);
}
