// Runs in browser, worker and Node. From a request in English to what it asks for (Understood).
// Rules take the parts they recognise out of the text, most specific first (a question about one
// film, "like <title>", people, runtimes, years, orders, counts, what to leave out, then genres,
// moods and themes); what is left that is not a filler word is kept as not understood. A
// follow-up refines the conversation so far (follow-up.ts).
import { type AskCatalog, type AskFilm } from './ask-catalog';
import { editDistance, normaliseRequest, typosAllowed } from './ask-text';
import { refine, type Relative, resolveAlone } from './follow-up';
import type { AskContext, AskSort, InfoKind, PersonRole, Understood } from './understood';
import {
  COMPARATIVE_MOOD_WORDS,
  DECADE_WORDS,
  FILLER_WORDS,
  GENRE_PAIRS,
  GENRE_WORDS,
  MOOD_WORDS,
  NUMBER_WORDS,
  THEME_WORDS,
} from './vocabulary';

/** What the parse found besides the fields: how the text relates to the conversation before. */
export interface Parsed {
  understood: Understood;
  /** Changes relative to what came before ("older", "more like the second one", "others"). */
  relative: Relative;
  /**
   * How a follow-up says it relates: adding ("and", "also", "with"), refining ("but", "only",
   * "make it") or replacing ("instead", "what about", "actually").
   */
  connective: 'add' | 'refine' | 'replace' | null;
  /** The message says it starts anew ("new search", "forget that"). */
  isNew: boolean;
  /** The message names what it wants whole ("horror movies", "something scary"). */
  isComplete: boolean;
}

type Effect = (u: Understood, relative: Relative) => void;

/** A phrase of the vocabulary and what it does (or, negated, what it leaves out). */
interface Entry {
  phrase: string;
  apply: Effect;
  exclude: Effect;
}

const push = <K extends keyof Understood>(
  u: Understood,
  key: K,
  ...values: NonNullable<Understood[K]> extends (infer T)[] ? T[] : never
) => {
  const list = ((u[key] as unknown[] | undefined) ?? []) as unknown[];
  for (const value of values)
    if (!list.some((v) => JSON.stringify(v) === JSON.stringify(value))) list.push(value);
  (u as Record<string, unknown>)[key] = list;
};

function vocabulary(): Entry[] {
  const entries: Entry[] = [];
  for (const [genre, words] of Object.entries(GENRE_WORDS))
    for (const phrase of words)
      entries.push({
        phrase,
        apply: (u) => push(u, 'genres', genre),
        exclude: (u) => push(u, 'excludeGenres', genre),
      });
  for (const [phrase, genres] of Object.entries(GENRE_PAIRS))
    entries.push({
      phrase,
      apply: (u) => push(u, 'genres', ...genres),
      exclude: (u) => push(u, 'excludeGenres', ...genres),
    });
  for (const [mood, words] of Object.entries(MOOD_WORDS))
    for (const phrase of words)
      entries.push({
        phrase,
        apply: (u, relative) => {
          push(u, 'moods', mood);
          if (COMPARATIVE_MOOD_WORDS.has(phrase)) relative.comparative = true;
        },
        exclude: (u) => push(u, 'excludeMoods', mood),
      });
  for (const [tag, words] of Object.entries(THEME_WORDS))
    for (const phrase of words)
      entries.push({
        phrase,
        apply: (u) => push(u, 'tags', tag),
        exclude: (u) => push(u, 'excludeTags', tag),
      });
  // Longest phrases first: "romantic comedy" before "romantic", "sci fi" before "fi".
  return entries.sort((a, b) => b.phrase.length - a.phrase.length);
}

const VOCABULARY = vocabulary();
const ONE_WORD = VOCABULARY.filter((e) => !e.phrase.includes(' ') && e.phrase.length >= 5);
const VOCABULARY_PHRASES = new Set(VOCABULARY.map((e) => e.phrase));
const LONG_PHRASES = VOCABULARY.filter((e) => e.phrase.includes(' '));
/** Ways of saying "leave it out". */
const NEGATIONS =
  'no|not|nothing|without|except|but not|anything but|minus|non|avoid|skip|exclude|excluding|hate|not a fan of|no more|none of|never|dont want|do not want|not into|not in the mood for|not too|nothing too|not very|not really|not so|less';
const GENRE_PHRASES = new Set([...Object.values(GENRE_WORDS).flat(), ...Object.keys(GENRE_PAIRS)]);

const CONSUMED = ' | ';
/** A count in digits or words, the longest words first ("a couple of" before "a couple"). */
const NUMBERS = `(\\d{1,2}|${Object.keys(NUMBER_WORDS)
  .sort((a, b) => b.length - a.length)
  .join('|')})`;
/**
 * Words that head a whole request ("horror movies", "something scary", "90s comedies"); without
 * one, a message in a conversation refines it ("romantic ones", "animated", "from the 80s").
 */
const HEAD_NOUNS =
  / (movies?|films?|flicks?|something|anything|stuff|comedies|dramas|thrillers|westerns|musicals|documentaries|cartoons|rom ?coms|romances|mysteries|classics|blockbusters|biopics|horrors|noirs|adventures|fantasies|animations) /;
const NUMBER =
  '(an hour and a half|one and a half|half an hour|\\d+(?:\\.\\d+)?|an?|one|two|three|four|five)';
const HOURS = '(hours?|hrs?|h)';
const MINUTES = '(minutes?|mins?|m)';
const YEAR = '((?:18|19|20)\\d\\d)';
const ORDINALS: Record<string, number> = {
  first: 0,
  '1st': 0,
  second: 1,
  '2nd': 1,
  third: 2,
  '3rd': 2,
  fourth: 3,
  '4th': 3,
  fifth: 4,
  '5th': 4,
  last: -1,
};
const BOUNDARIES = new Set(
  'but with without from in that and or under over for set starring by directed which who where than not no only featuring released made to'.split(
    ' ',
  ),
);

/** Minutes in "90", "2", "an hour and a half" with its unit. */
function minutesOf(amount: string, unit: string | undefined): number | null {
  const hours = /^h/.test(unit ?? '');
  const value =
    amount === 'an hour and a half' || amount === 'one and a half'
      ? 1.5
      : amount === 'half an hour'
        ? 0.5
        : /^(an?|one)$/.test(amount)
          ? 1
          : (NUMBER_WORDS[amount] ?? Number(amount));
  if (!Number.isFinite(value)) return null;
  if (amount === 'an hour and a half' || amount === 'half an hour') return Math.round(value * 60);
  if (hours) return Math.round(value * 60);
  if (unit) return Math.round(value);
  // No unit: a small number is hours ("under 2"), a larger one minutes ("under 100").
  return value <= 4
    ? Math.round(value * 60)
    : value >= 30 && value <= 400
      ? Math.round(value)
      : null;
}

class RequestParser {
  rest: string;
  readonly u: Understood = {};
  readonly relative: Relative = {};
  connective: Parsed['connective'] = null;
  isNew = false;
  /** Whether the message has a word that heads a whole request (see HEAD_NOUNS). */
  private readonly isComplete: boolean;

  constructor(
    text: string,
    private readonly catalog: AskCatalog,
    private readonly context?: AskContext,
  ) {
    this.rest = ` ${normaliseRequest(text)} `;
    this.isComplete = HEAD_NOUNS.test(this.rest);
  }

  /**
   * Runs `pattern` over what is left; a match `apply` accepts is taken out of the text (or, when
   * it returns text, replaced by it).
   */
  take(pattern: RegExp, apply: (...groups: string[]) => boolean | string | void) {
    this.rest = this.rest.replace(pattern, (match, ...groups: unknown[]) => {
      // The groups, without the offset and whole text that replace() passes after them.
      const taken = apply(...(groups.slice(0, -2) as string[]));
      return taken === false ? match : typeof taken === 'string' ? taken : CONSUMED;
    });
  }

  parse(): Parsed {
    this.connectives();
    if (this.info()) return this.done();
    this.references();
    this.similar();
    this.roledPeople();
    this.watchlistAndSeen();
    this.phrases();
    this.runtime();
    this.years();
    this.sorts();
    this.counts();
    this.relatives();
    this.negations();
    this.words();
    this.barePeople();
    this.typos();
    return this.done();
  }

  private done(): Parsed {
    const left = this.rest
      .split(CONSUMED.trim())
      .map((run) =>
        run
          .trim()
          .split(' ')
          .filter((w) => w && !FILLER_WORDS.has(w))
          .join(' '),
      )
      .filter(Boolean)
      // Kept to what a reply can quote: at most ten phrases of 100 characters.
      .slice(0, 10)
      .map((phrase) => (phrase.length > 100 ? `${phrase.slice(0, 99)}…` : phrase));
    if (left.length) this.u.notUnderstood = left;
    // Within one message the genre asked for wins: "comedies except romantic comedies".
    if (this.u.excludeGenres && this.u.genres) {
      const wanted = this.u.genres;
      this.u.excludeGenres = this.u.excludeGenres.filter((g) => !wanted.includes(g));
      if (this.u.excludeGenres.length === 0) delete this.u.excludeGenres;
    }
    return {
      understood: this.u,
      relative: this.relative,
      connective: this.connective,
      isNew: this.isNew,
      isComplete: this.isComplete,
    };
  }

  private connectives() {
    this.take(
      /^ (?:new search|start over|start again|forget that|forget it|never mind|nevermind|something completely different|reset|new question)( | $)/,
      () => {
        this.isNew = true;
      },
    );
    this.take(/^ (?:and|also|plus|but also|and also|about|set in) /, () => {
      this.connective = 'add';
    });
    // "with" stays: it says who ("with Tom Hanks") or what ("with a twist").
    if (/^ with /.test(this.rest)) this.connective = 'add';
    this.take(/^ (?:what about|how about|actually|rather) /, () => {
      this.connective = 'replace';
    });
    this.take(
      /^ (?:but|now|ok now|okay now|same but|same thing but|make it|maybe|hmm|ok|okay|only|just) /,
      () => {
        this.connective ??= 'refine';
      },
    );
    this.take(/ (?:instead|rather|then)(?: please)? $/, () => {
      this.connective = 'replace';
    });
  }

  /** "what is Heat about", "who directed Alien", "where can I watch Arrival". */
  private info(): boolean {
    const questions: [RegExp, InfoKind][] = [
      [
        /^ (?:what is|tell me about|what happens in|plot of|synopsis of|summary of|summarise|summarize|describe|info on|information about|what is the plot of|what is the story of) (?:the (?:film|movie) )?(.+?) (?:about )?$/,
        'about',
      ],
      [
        /^ (?:who directed|who is the director of|director of|who made|who was the director of|who directs) (?:the (?:film|movie) )?(.+?) $/,
        'director',
      ],
      [
        /^ (?:who is in|who stars in|who starred in|who acts in|who was in|cast of|actors in|who plays in|the cast of) (?:the (?:film|movie) )?(.+?) $/,
        'cast',
      ],
      [
        /^ (?:when was|what year was|what year is|when did|what year did) (.+?) (?:made|released|come out|came out|out|from|filmed) $/,
        'year',
      ],
      [
        /^ (?:how long is|runtime of|length of|how many minutes is|how long does) (.+?) (?:last|run|take)? ?$/,
        'runtime',
      ],
      [
        /^ (?:where can i|where do i|where to|where could i|how can i|can i) (?:watch|stream|see|rent|buy) (.+?) (?:online|tonight|now|streaming)? ?$/,
        'providers',
      ],
      [
        /^ (?:is|where is) (.+?) (?:streaming|on netflix|on prime|on disney|on hulu|on max|available|on any streaming service|on streaming) ?(?:anywhere|now)? $/,
        'providers',
      ],
      [/^ (?:streaming options for|where is) (.+?) $/, 'providers'],
    ];
    for (const [pattern, kind] of questions) {
      const m = pattern.exec(this.rest);
      if (!m) continue;
      const found = this.catalog.findFilm(m[1]!);
      if (!found) continue;
      this.u.info = { kind, movieId: found.film.id };
      this.rest = CONSUMED;
      return true;
    }
    return false;
  }

  /** "more like the second one", "not that one", "others". */
  private references() {
    const shown = this.context?.shown ?? [];
    const at = (word: string | undefined) => {
      if (word === undefined) return shown[0];
      const index = ORDINALS[word] ?? Number(word) - 1;
      return index < 0 ? shown.at(index) : shown[index];
    };
    const ordinal =
      '(?:the )?(?:(first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th|last)|number (\\d)|#?(\\d))';
    this.take(
      new RegExp(
        ` (?:more|others|something|films|movies|ones)? ?(?:like|similar to) ${ordinal}(?: one| film| movie| pick)? `,
        'g',
      ),
      (a, b, c) => {
        const film = at(a ?? b ?? c);
        if (film === undefined) return false;
        this.u.similarTo = [film];
        this.connective ??= 'refine';
      },
    );
    this.take(
      / (?:more|others|something|films|movies) like (?:that|this|it|these|those)(?: one| ones)? /g,
      () => {
        if (shown[0] === undefined) return false;
        this.u.similarTo = [shown[0]];
        this.connective ??= 'refine';
      },
    );
    this.take(
      new RegExp(
        ` (?:not|no|nope|skip|without|except|anything but|drop) ${ordinal}(?: one| film| movie| pick)? `,
        'g',
      ),
      (a, b, c) => {
        const film = at(a ?? b ?? c);
        if (film === undefined) return false;
        push(this.u, 'excludeFilms', film);
        this.connective ??= 'add';
      },
    );
    this.take(
      / (?:not|no|nope|skip|seen|already seen) (?:that|this|that one|this one|it) /g,
      () => {
        if (shown[0] === undefined) return false;
        push(this.u, 'excludeFilms', shown[0]);
        this.connective ??= 'add';
      },
    );
    this.take(
      / (?:others|other ones|more|show me more|some more|something else|anything else|different ones|next|more please|more of those|other options|what else) /g,
      () => {
        if (!this.context) return false;
        this.relative.more = true;
        this.connective ??= 'add';
      },
    );
  }

  /** "like Inception", "in the vein of Heat and Ronin", "I loved Heat, anything similar?". */
  private similar() {
    this.take(
      / (?:i )?(?:loved|liked|enjoyed|just watched|really liked|really enjoyed|adored) (.+?) (?:anything|something|any|films|movies|more)? ?(?:similar|like it|like that|along those lines) /g,
      (title) => {
        const found = this.titlesIn(title!.split(' '));
        if (found.films.length === 0 || found.used < title!.split(' ').length) return false;
        this.u.similarTo = found.films.map((f) => f.id);
      },
    );
    const trigger =
      /(^| )(?:like|similar to|in the vein of|in the style of|along the lines of|reminds me of|reminiscent of|same vibe as|similar vibe to|such as|akin to|comparable to|the likes of|a la|in the spirit of|same as|like the film|like the movie|similar films to|similar movies to|similar to the film) (.+)$/;
    for (let guard = 0; guard < 3; guard++) {
      const m = trigger.exec(this.rest);
      if (!m) return;
      const before = this.rest.slice(0, m.index + m[1]!.length).trimEnd();
      // "I'd like a comedy", "I like horror": wanting, not comparing.
      if (/(^| )(i|we|would|d|you|really|also)$/.test(before)) {
        this.rest = `${this.rest.slice(0, m.index + m[1]!.length)}${CONSUMED}${this.rest.slice(m.index + m[0].length - m[2]!.length)}`;
        continue;
      }
      const words = m[2]!.trim().split(' ');
      const found = this.titlesIn(words);
      if (found.films.length === 0) {
        // Keep the words: they may be a genre ("like horror") or not understood.
        this.rest = `${this.rest.slice(0, m.index)} ${m[2]!.trim()} `;
        return;
      }
      this.u.similarTo = found.films.map((f) => f.id);
      this.rest = `${this.rest.slice(0, m.index)}${CONSUMED}${words.slice(found.used).join(' ')} `;
    }
  }

  /** The films named at the start of `words` ("heat and ronin but shorter"): longest first. */
  private titlesIn(words: string[]): { films: AskFilm[]; used: number } {
    const films: AskFilm[] = [];
    let used = 0;
    while (used < words.length) {
      const film = this.titleAt(words, used);
      if (!film) break;
      films.push(film.film);
      used = film.end;
      if (words[used] === 'and' || words[used] === 'or' || words[used] === 'plus') {
        if (!this.titleAt(words, used + 1)) break;
        used++;
      } else break;
    }
    return { films, used };
  }

  private titleAt(words: string[], start: number): { film: AskFilm; end: number } | null {
    const isVocabulary = (span: string) => VOCABULARY_PHRASES.has(span) || FILLER_WORDS.has(span);
    // Exact titles, longest first ("once upon a time in the west" before "once upon a time"); a
    // genre word is a genre ("like horror"), a theme may be a title ("like Alien").
    for (let end = words.length; end > start; end--) {
      const span = words.slice(start, end).join(' ');
      if (end - start === 1 && (GENRE_PHRASES.has(span) || FILLER_WORDS.has(span))) continue;
      const found = this.catalog.findFilm(span);
      if (found?.isExact) return { film: found.film, end };
    }
    // Then with typos, only up to a word that ends a title ("inceptoin but funnier").
    for (let end = words.length; end > start; end--) {
      if (end < words.length && !BOUNDARIES.has(words[end]!)) continue;
      const span = words.slice(start, end).join(' ');
      if (isVocabulary(span)) continue;
      const found = this.catalog.findFilm(span);
      if (found) return { film: found.film, end };
    }
    return null;
  }

  /** "with Tom Hanks", "directed by Nolan", "without Adam Sandler". */
  private roledPeople() {
    const name = '((?:[\\p{L}\\p{N}]+ ?){1,4})';
    const rules: [string, PersonRole, boolean][] = [
      [
        '(?:directed by|direction by|from director|by director|director|directors|made by|a film by|a movie by|films by|movies by|helmed by|by)',
        'director',
        false,
      ],
      [
        '(?:starring|with actor|with actress|with|featuring|feat|ft|that stars|stars|staring|acted by|played by|that has|has|who stars|where|the actor|the actress|actor|actress)',
        'actor',
        false,
      ],
      [
        '(?:without|not with|no|minus|except|nothing with|anything but|not starring|excluding)',
        'actor',
        true,
      ],
    ];
    for (const [trigger, role, isExcluded] of rules) {
      const pattern = new RegExp(` ${trigger} ${name}`, 'gu');
      this.rest = this.rest.replace(pattern, (match, words: string) => {
        const list = words.trim().split(' ');
        for (let end = list.length; end >= 1; end--) {
          const span = list.slice(0, end).join(' ');
          if (end === 1 && (FILLER_WORDS.has(span) || VOCABULARY_PHRASES.has(span))) continue;
          const person = this.catalog.findPerson(span, isExcluded ? undefined : role);
          if (!person) continue;
          if (isExcluded) push(this.u, 'excludePeople', person);
          else push(this.u, 'people', person);
          return `${CONSUMED}${list.slice(end).join(' ')} `;
        }
        return match;
      });
    }
  }

  private watchlistAndSeen() {
    this.take(
      / (?:from|on|in|off) (?:my )?(?:watch ?list|watch later|saved list|list of saved|queue)( again)? | my watch ?list | watch ?list /g,
      () => {
        this.u.watchlistOnly = true;
      },
    );
    this.take(
      / (?:that |which )?(?:i|we) (?:have|has|had|did)? ?(?:not|never) (?:yet )?(?:seen|watched|see|watch|rated)(?: yet| before)? | (?:i|we) missed | (?:unseen|unwatched|not seen|never seen|new to me|not watched|haven seen) /g,
      () => {
        this.u.unseenOnly = true;
      },
    );
  }

  private runtime() {
    const set = (key: 'minRuntime' | 'maxRuntime', value: number | null) => {
      if (value === null || value < 1 || value > 1000) return false;
      this.u[key] = value;
    };
    this.take(
      new RegExp(
        ` (?:under|less than|shorter than|below|no longer than|at most|max|maximum|within|not more than|no more than|up to|not over|not longer than|tops|less then) ${NUMBER} ?(?:${HOURS}|${MINUTES})?(?: long| max| runtime| tops)? `,
        'g',
      ),
      (amount, h, m) => set('maxRuntime', minutesOf(amount!, h ?? m)),
    );
    this.take(
      new RegExp(
        ` ${NUMBER} ?(?:${HOURS}|${MINUTES}) (?:or less|or shorter|max|maximum|tops|or under|at most) `,
        'g',
      ),
      (amount, h, m) => set('maxRuntime', minutesOf(amount!, h ?? m)),
    );
    this.take(
      new RegExp(
        ` (?:over|longer than|more than|at least|above|minimum|min|no shorter than|not shorter than) ${NUMBER} ?(?:${HOURS}|${MINUTES}) `,
        'g',
      ),
      (amount, h, m) => set('minRuntime', minutesOf(amount!, h ?? m)),
    );
    this.take(
      new RegExp(
        ` ${NUMBER} ?(?:${HOURS}|${MINUTES}) (?:or more|or longer|plus|minimum|at least) `,
        'g',
      ),
      (amount, h, m) => set('minRuntime', minutesOf(amount!, h ?? m)),
    );
    this.take(
      new RegExp(
        ` (?:around|about|roughly|approximately|circa|approx) ${NUMBER} ?(?:${HOURS}|${MINUTES}) (?:long )?`,
        'g',
      ),
      (amount, h, m) => {
        const value = minutesOf(amount!, h ?? m);
        if (value === null) return false;
        this.u.minRuntime = value - 15;
        this.u.maxRuntime = value + 15;
      },
    );
    // Vague lengths give way to a number said in the same message.
    this.take(
      / (?:not too long|not very long|not long|not that long|nothing too long|nothing long) /g,
      () => {
        this.u.maxRuntime ??= 120;
      },
    );
    this.take(/ (?:short|shortish|quick|brief|a short one|something short) /g, () => {
      this.u.maxRuntime ??= 100;
    });
    this.take(/ (?:long|lengthy|really long|very long|long ones|marathon|epic length) /g, () => {
      this.u.minRuntime ??= 150;
    });
  }

  private years() {
    const range = (from: number | undefined, to: number | undefined) => {
      if (from !== undefined) this.u.yearFrom = from;
      if (to !== undefined) this.u.yearTo = to;
    };
    const decade = (text: string) => {
      const named = DECADE_WORDS[text];
      if (named) return named;
      const m = /^(18|19|20)?(\d)0s$/.exec(text);
      if (!m) return null;
      const century = m[1] ? Number(m[1]) * 100 : Number(m[2]) <= 2 ? 2000 : 1900;
      return century + Number(m[2]) * 10;
    };
    const decades = `((?:18|19|20)?\\d0s|${Object.keys(DECADE_WORDS).join('|')})`;
    // "not from the 80s": leaving years out is not something an answer can do; say so.
    this.take(
      new RegExp(
        ` ((?:not|except|but not|excluding) (?:from |in )?(?:the )?(?:${decades}|${YEAR})) `,
        'g',
      ),
      (text) => {
        push(this.u, 'notUnderstood', text!);
      },
    );
    this.take(
      new RegExp(
        ` (?:between|from) ${YEAR} (?:and|to|till|until) ${YEAR} | ${YEAR} (?:to|through|till|until) ${YEAR} `,
        'g',
      ),
      (a, b, c, d) => {
        const from = Number(a ?? c);
        const to = Number(b ?? d);
        range(Math.min(from, to), Math.max(from, to));
      },
    );
    this.take(
      new RegExp(
        ` (?:between|from) (?:the )?${decades} (?:and|to|till|until) (?:the )?${decades} `,
        'g',
      ),
      (a, b) => {
        const from = decade(a!);
        const to = decade(b!);
        if (from === null || to === null) return false;
        range(from, to + 9);
      },
    );
    this.take(
      new RegExp(` (?:in the |from the |the )?(early|mid|late) ${decades} `, 'g'),
      (part, text) => {
        const start = decade(text!);
        if (start === null) return false;
        if (part === 'early') range(start, start + 3);
        else if (part === 'mid') range(start + 3, start + 6);
        else range(start + 6, start + 9);
      },
    );
    this.take(
      new RegExp(` (?:in the |from the |of the |the |in |from )?${decades} `, 'g'),
      (text) => {
        const start = decade(text!);
        if (start === null) return false;
        range(start, start + 9);
      },
    );
    this.take(
      new RegExp(
        ` (after|since|post|newer than|later than|released after|made after) ${YEAR} `,
        'g',
      ),
      (how, y) => {
        range(Number(y) + (how === 'since' ? 0 : 1), undefined);
      },
    );
    this.take(
      new RegExp(
        ` (?:since|from|starting) ${YEAR} (?:on|onwards|onward|and later|or later|and up|and newer|or newer|forward) | since ${YEAR} | ${YEAR} (?:or later|onwards|onward|and later|and up|or newer|and newer|plus|and after|or after) `,
        'g',
      ),
      (a, b, c) => {
        range(Number(a ?? b ?? c), undefined);
      },
    );
    this.take(
      new RegExp(
        ` (?:before|pre|older than|earlier than|prior to|made before|released before) ${YEAR} `,
        'g',
      ),
      (y) => {
        range(undefined, Number(y) - 1);
      },
    );
    this.take(
      new RegExp(
        ` (?:until|up to|till|through) ${YEAR} | ${YEAR} (?:or earlier|or older|or before|and earlier|and older|and before) `,
        'g',
      ),
      (a, b) => {
        range(undefined, Number(a ?? b));
      },
    );
    this.take(new RegExp(` (?:in|from|released in|made in|of|year)? ?${YEAR} `, 'g'), (y) => {
      range(Number(y), Number(y));
    });
    const latest = this.catalog.latestYear;
    this.take(/ (?:this year|this years) /g, () => range(latest, latest));
    this.take(/ (?:last year|last years) /g, () => range(latest - 1, latest - 1));
    this.take(/ (?:in the )?(?:last|past) (\d+|five|ten|two|three) years /g, (n) => {
      const years = NUMBER_WORDS[n!] ?? Number(n);
      range(latest - years + 1, undefined);
    });
    this.take(/ (?:modern classics?|recent classics?) /g, () => {
      range(2000, undefined);
      this.u.sort = 'rating';
    });
    this.take(/(?<! cult) (?:classics?|all time classics?|timeless|the classics) /g, () => {
      range(undefined, 1979);
      this.u.sort = 'rating';
    });
    this.take(
      / (?:recent|recently released|recently|new releases?|newly released|just released|came out recently|current|contemporary|new ones|new) /g,
      () => range(latest - 4, undefined),
    );
    this.take(/ (?:modern|21st century|this century) /g, () => range(2000, undefined));
    this.take(/ (?:silent|silent era) /g, () => range(undefined, 1929));
    this.take(/ (?:black and white|b w) /g, () => range(undefined, 1959));
    this.take(
      / (?:old|oldies|vintage|old school|old fashioned|golden age|retro|old time|old hollywood|older films|older movies) /g,
      () => range(undefined, 1979),
    );
  }

  private sorts() {
    const sort = (value: AskSort) => () => {
      this.u.sort = value;
    };
    this.take(
      / (?:trending|what is trending|trending now|what is hot|hot right now|popular right now|popular now|everyone is watching|everybody is watching|people are watching|everyone watching|everybody watching|people watching|buzzing|in the zeitgeist|in vogue|of the moment) /g,
      sort('trending'),
    );
    this.take(
      / (?:hidden gems?|underrated|under rated|lesser known|less known|little known|under the radar|obscure|overlooked|unknown|gems|not so well known|that nobody knows|nobody has heard of|deep cuts?|sleepers?) /g,
      sort('hidden'),
    );
    this.take(
      / (?:crowd pleasers?|crowdpleasers?|popular|most popular|blockbusters?|well known|famous|mainstream|big hits?|hits|everyone loves|box office hits?|most watched) /g,
      sort('popular'),
    );
    this.take(
      / (?:highly rated|high rated|top rated|best rated|best|acclaimed|critically acclaimed|masterpieces?|award winning|oscar winning|award winners?|the best|greatest|finest|must see|must watch|essential|essentials|rated highly|well rated|well reviewed|highest rated|of all time|all time|ever made|critics love|critically praised|excellent|brilliant|top notch|amazing|outstanding) /g,
      sort('rating'),
    );
    this.take(/ (?:newest|latest|newest first|most recent) /g, sort('newest'));
    this.take(/ (?:oldest|oldest first) /g, sort('oldest'));
  }

  private counts() {
    const set = (n: number) => {
      if (n < 1 || n > 50) return false;
      this.u.count = n;
    };
    const nouns =
      '(?:films|movies|flicks|picks|options|titles|recommendations|recs|suggestions|ideas|ones|choices|[\\p{L}]+s)';
    const numbers = NUMBERS;
    this.take(
      new RegExp(
        ` (top|best|give me|show me|list|recommend|suggest|need|want|pick) ${numbers} `,
        'gu',
      ),
      (how, n) => {
        if (set(NUMBER_WORDS[n!] ?? Number(n)) === false) return false;
        if (how === 'top' || how === 'best') this.u.sort = 'rating';
      },
    );
    // "5 comedies", "three sci fi films", "a couple of westerns": the words between stay.
    this.take(
      new RegExp(` ${numbers}((?: [\\p{L}|]+){0,3}?) (${nouns}) `, 'gu'),
      (n, between, noun) => {
        if (n === 'one' && between) return false;
        if (set(NUMBER_WORDS[n!] ?? Number(n)) === false) return false;
        return `${CONSUMED}${between ?? ''} ${noun} `;
      },
    );
    this.take(
      / (?:just one|only one|one film|one movie|a single film|a single movie|single film) /g,
      () => set(1),
    );
    // A number alone ("3", "5 please"): how many.
    this.take(new RegExp(`^ ${numbers}(?: please| of them| more)? $`, 'gu'), (n) =>
      set(NUMBER_WORDS[n!] ?? Number(n)),
    );
  }

  /** "older", "newer", "shorter", "longer": against the film asked about, or what came before. */
  private relatives() {
    const before = this.context?.understood;
    const similar = this.u.similarTo?.[0] ?? before?.similarTo?.[0];
    const film = similar !== undefined ? this.catalog.byId.get(similar) : undefined;
    // Against the film asked about, unless the conversation already has years or a length.
    const hasYears =
      !this.u.similarTo && (before?.yearFrom !== undefined || before?.yearTo !== undefined);
    const hasLength =
      !this.u.similarTo && (before?.minRuntime !== undefined || before?.maxRuntime !== undefined);
    const year = hasYears ? undefined : (film?.year ?? undefined);
    const runtime = hasLength ? undefined : film?.runtime;
    this.take(/ (?:older|earlier|older ones|from before|more classic) /g, () => {
      this.relative.older = year ?? true;
    });
    this.take(/ (?:newer|more recent|later|newer ones|more modern|not so old|less old) /g, () => {
      this.relative.newer = year ?? true;
    });
    this.take(/ (?:shorter|shorter ones|less long|not as long) /g, () => {
      this.relative.shorter = runtime ?? true;
    });
    this.take(/ (?:longer|longer ones) /g, () => {
      this.relative.longer = runtime ?? true;
    });
  }

  /**
   * Vocabulary of two words or more, before the rules that read single words in it: "world war
   * 2" is not two films, "best friends" not an order, "new york" not a year, "less dark" a mood.
   */
  private phrases() {
    for (const entry of LONG_PHRASES) {
      if (!this.rest.includes(` ${entry.phrase} `)) continue;
      this.take(
        new RegExp(
          ` (?:(${NEGATIONS}) (?:a |an |any |too |more |so |really |very |the )?)?${entry.phrase} `,
          'g',
        ),
        (negated) =>
          negated ? entry.exclude(this.u, this.relative) : entry.apply(this.u, this.relative),
      );
    }
  }

  /** "no horror", "not animated", "nothing too scary", "without zombies". */
  private negations() {
    const not = `(?:${NEGATIONS})`;
    for (const entry of VOCABULARY) {
      if (!this.rest.includes(` ${entry.phrase} `)) continue;
      const pattern = new RegExp(
        ` ${not} (?:a |an |any |too |more |so |really |very |the )?${entry.phrase}(?: ones| stuff| movies| films| please| thanks)? `,
        'g',
      );
      this.take(pattern, () => entry.exclude(this.u, this.relative));
    }
  }

  private words() {
    for (const entry of VOCABULARY) {
      if (!this.rest.includes(` ${entry.phrase} `)) continue;
      this.take(new RegExp(` ${entry.phrase} `, 'g'), () => entry.apply(this.u, this.relative));
    }
  }

  /** Full names anywhere ("tom hanks comedies"), a surname before "films" ("nolan films"). */
  private barePeople() {
    for (const span of [4, 3, 2]) {
      this.rest = this.rest.replace(
        new RegExp(
          ` ((?:[\\p{L}]+ ){${span - 1}}[\\p{L}]+) (?=(?:films|movies|flicks|stuff|pictures|[\\p{L}|]+|$))`,
          'gu',
        ),
        (match, words: string) => {
          if (words.split(' ').every((w) => FILLER_WORDS.has(w))) return match;
          const person = this.catalog.findPerson(words);
          if (!person) return match;
          push(this.u, 'people', person);
          return CONSUMED;
        },
      );
    }
    // "the Coen brothers"
    this.take(/ (?:the )?([\p{L}]{3,}) (?:brothers|bros|sisters) /gu, (word) => {
      const family = this.catalog.findFamily(word!, 'director');
      if (family.length === 0) return false;
      push(this.u, 'people', ...family);
    });
    // A surname before "films", a genre taken out already, or alone: "nolan films", "stallone
    // action movies", "kubrick"; after "and" once someone is named: "de niro and pacino".
    this.rest = this.rest.replace(
      /(?<= )([\p{L}]{3,})(?= (?:films|movies|flicks|stuff|pictures|classics|\|)(?= )| $)/gu,
      (word) => {
        if (FILLER_WORDS.has(word)) return word;
        const person = this.catalog.findPerson(word);
        if (!person) return word;
        push(this.u, 'people', person);
        return '|';
      },
    );
    const named = this.u.people?.length || this.context?.understood.people?.length;
    this.take(/ (?:and|or|plus|&) ([\p{L}]{3,}) /gu, (word) => {
      if (!named || FILLER_WORDS.has(word!)) return false;
      const person = this.catalog.findPerson(word!, 'actor');
      if (!person) return false;
      push(this.u, 'people', person);
    });
  }

  /** One word a letter or two off a genre, mood or theme ("horor", "comdies"). */
  private typos() {
    this.rest = this.rest.replace(/ ([\p{L}]{5,})(?= )/gu, (match, word: string) => {
      if (FILLER_WORDS.has(word)) return match;
      let best: { entry: Entry; distance: number } | null = null;
      for (const entry of ONE_WORD) {
        // Typos rarely hit the first letter; "right" is not "light".
        if (entry.phrase[0] !== word[0]) continue;
        const allowed = Math.min(typosAllowed(word), typosAllowed(entry.phrase));
        const distance = editDistance(word, entry.phrase, allowed);
        if (distance <= allowed && (!best || distance < best.distance)) best = { entry, distance };
      }
      if (!best) return match;
      best.entry.apply(this.u, this.relative);
      return CONSUMED;
    });
  }
}

/** The parts of `message` alone, before any conversation is applied. */
export function parseParts(message: string, catalog: AskCatalog, context?: AskContext): Parsed {
  return new RequestParser(message, catalog, context).parse();
}

/**
 * What `message` asks for; with `context`, a follow-up refines the conversation so far and a new
 * request starts afresh.
 */
export function parseRequest(
  message: string,
  catalog: AskCatalog,
  context?: AskContext,
): Understood {
  const parsed = parseParts(message.slice(0, 1000), catalog, context);
  return context ? refine(context, parsed) : resolveAlone(parsed);
}
