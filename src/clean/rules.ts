/**
 * Named block rules, tried in order (first match wins), in the manner of
 * trafilatura's xpaths.py discard lists: one pattern per entry, each with the
 * removal reason, a comment on what it catches and an example it must match.
 * A rule sees one block's text (trimmed, leading markup removed). Chrome is
 * short, so each rule has a length cap: a long story paragraph that happens to
 * quote "cookies" or "Read more" never matches.
 */
import type { RemovalReason } from '../doc/types.js';
import { DATE_LINE } from '../meta/dates.js';
import { alternation, chromeLexicon } from './lexicon.js';
import { wordCount } from './signals.js';

export interface BlockRule {
  /** Recorded as `Removal.rule`. */
  name: string;
  reason: RemovalReason;
  /** What the pattern catches and why it is not story text. */
  comment: string;
  /** A block the rule must match (checked by the tests). */
  example: string;
  /** A regular expression tested against the block, or a predicate for counts a regex would backtrack on. */
  match: RegExp | ((text: string) => boolean);
  /** Blocks longer than this (UTF-16 units) never match. */
  maxChars: number;
}

const lex = chromeLexicon();
const SECTION_LABEL = new RegExp(`^(?:${alternation(lex.sectionLabels.entries)})\\s*:?$`, 'i');
const BRANDED_SECTION = new RegExp(`^[\\p{L}\\p{N}.&'’-]{1,24}(?: [\\p{L}\\p{N}.&'’-]{1,24})? (?:${alternation(lex.brandedSectionNouns.entries)})$`, 'iu');
const LANGUAGE_MENU = new RegExp(`^(?:(?:${alternation(lex.languageSwitcher.entries)})[\\s|/·•,]*){2,}$`, 'iu');
const SHARE_BAR = new RegExp(`^(?:(?:${alternation(lex.shareButtons.entries)})[\\s|/·•,:]*)+$`, 'i');
const PHOTO_AGENCY = alternation(lex.photoAgencies.entries);
const CREDIT_AFTER_COPYRIGHT = new RegExp(`©[^©]{0,100}\\b(?:${PHOTO_AGENCY})\\b[^©.]{0,60}$`, 'iu');
const CREDIT_AFTER_SLASH = new RegExp(`\\S\\s*/\\s*(?:${PHOTO_AGENCY})(?:\\s+via\\s+getty images)?\\s*\\)?$`, 'i');

/** Scripts a language menu mixes when its entries are printed without separators. */
const SCRIPTS = [/\p{Script=Latin}/u, /\p{Script=Cyrillic}/u, /\p{Script=Arabic}/u, /\p{Script=Han}/u, /\p{Script=Hangul}/u, /\p{Script=Greek}/u, /\p{Script=Hebrew}/u, /\p{Script=Devanagari}/u];

export const BLOCK_RULES: readonly BlockRule[] = [
  // ── markup and page furniture ──────────────────────────────────────────
  {
    name: 'symbol-only-line',
    reason: 'markup',
    comment: 'A line with no letter or digit: list markers, rules and expander signs left by the save ("+", "***", "—").',
    example: '+',
    match: /^[^\p{L}\p{N}]+$/u,
    maxChars: 40,
  },
  {
    name: 'icon-names',
    reason: 'icon-strip',
    comment: 'Icon-font names printed as text when a page is saved ("bookmark-bicon … chevron downicon"): four or more words ending in "icon".',
    example: 'icon bookmark-bicon bookmarkicon cameraicon checkicon chevron downicon',
    match: (text) => {
      if (!/icon/i.test(text)) return false;
      const words = text.split(/\s+/u).filter((w) => w.length > 0);
      const icons = words.filter((w) => /icon$/i.test(w)).length;
      return icons >= 4 && icons >= 0.3 * words.length;
    },
    maxChars: 5000,
  },
  // ── navigation ─────────────────────────────────────────────────────────
  {
    name: 'breadcrumb-home',
    reason: 'navigation',
    comment: 'A breadcrumb starting at the home page: "HOME»", "Home > World", "Home | News".',
    example: 'HOME»',
    match: /^home\s*(?:[»›>|/\\]|$)/iu,
    maxChars: 120,
  },
  {
    name: 'joined-menu-words',
    reason: 'navigation',
    comment: 'Menu items whose separators were lost in the save: "HomeWorld News" (Home + World News).',
    example: 'HomeWorld News',
    match: /^(?:[Hh]ome|HOME|[Mm]enu|MENU)(?=\p{Lu})/u,
    maxChars: 60,
  },
  {
    name: 'breadcrumb-trail',
    reason: 'navigation',
    comment: 'Section paths joined by » or ›: "News » Asia » Korea"; also a trailing » of a truncated trail.',
    example: 'News » Asia-Pacific » Korea',
    // « rules out Russian and French quotes, where » closes a quotation.
    match: /^(?!.*«)[^.!?»›]{1,60}(?:\s*[»›]\s*[^.!?»›]{0,60}){1,}$/u,
    maxChars: 200,
  },
  {
    name: 'tag-list',
    reason: 'navigation',
    comment: 'Topic tags: "Tags: North Korea, KCNA", "This article tagged under: Budget", "Filed under: Asia".',
    example: 'This article tagged under: Budget',
    match: /^(?:this (?:article|story|post) (?:is )?)?(?:tagged(?: under| with)?|tags|topics|filed under|categories)\s*:/i,
    maxChars: 200,
  },
  {
    name: 'section-label',
    reason: 'navigation',
    comment: 'A site-section or list label standing alone (data/boilerplate/chrome.json sectionLabels): "Top stories", "Podcasts", "Most read".',
    example: 'Top stories',
    match: SECTION_LABEL,
    maxChars: 60,
  },
  {
    name: 'branded-section-label',
    reason: 'navigation',
    comment: 'A brand followed by a section noun and nothing else: "RT Features", "BBC Podcasts" (brandedSectionNouns).',
    example: 'RT Features',
    match: BRANDED_SECTION,
    maxChars: 60,
  },
  {
    name: 'language-switcher',
    reason: 'navigation',
    comment: 'A language menu: two or more language names or codes (languageSwitcher), with or without separators.',
    example: 'English | Español | Français',
    match: LANGUAGE_MENU,
    maxChars: 120,
  },
  {
    name: 'mixed-script-word',
    reason: 'navigation',
    comment: 'One unbroken string mixing three scripts, as a saved language menu prints ("العربيةespрусdefrrs" when its names are not all in the lexicon).',
    example: 'ΕλληνικάEnglishРусский',
    match: (text) => !/\s/u.test(text) && SCRIPTS.filter((re) => re.test(text)).length >= 3,
    maxChars: 80,
  },
  // ── banners ────────────────────────────────────────────────────────────
  {
    name: 'cookie-notice',
    reason: 'cookie-banner',
    comment: 'A cookie consent notice: "This website uses cookies", "cookie policy/settings".',
    example: 'This website uses cookies. Read RT Privacy policy to find out more.',
    match: /\b(?:uses?|using|use of) cookies\b|\bcookie (?:policy|settings|preferences|consent)\b/i,
    maxChars: 400,
  },
  {
    name: 'cookie-button',
    reason: 'cookie-banner',
    comment: 'The buttons of a cookie banner: "Accept cookies", "Reject all", "Manage preferences".',
    example: 'Accept cookies',
    match: /^(?:(?:accept|allow|reject|decline|refuse|manage)(?: all)?(?: cookies| preferences)?|got it|i agree)[.!]?$/i,
    maxChars: 40,
  },
  {
    name: 'app-name',
    reason: 'app-banner',
    comment: 'An app promotion naming the app: capitalized words ending in "App" ("RT News App", "BBC News App").',
    example: 'RT News App',
    match: /^(?:\p{Lu}[\p{L}\p{N}.&'’-]* ){1,3}App$/u,
    maxChars: 60,
  },
  {
    name: 'app-download',
    reason: 'app-banner',
    comment: 'A call to install an app: "Download our app", "Get the BBC app", "Click here for the Fox News app", "Available on the App Store".',
    example: 'Download our app for the latest news',
    match: /\b(?:download|get|install|open|try|click here for) (?:the|our) (?:[\p{L}\p{N}'’-]+ ){0,3}app\b|\bavailable on (?:the )?(?:app store|google play)\b|^(?:app store|google play)$/iu,
    maxChars: 160,
  },
  {
    name: 'donation-appeal',
    reason: 'donation-appeal',
    comment: 'A donation or membership appeal: "UNITED24 - Make a charitable donation…", "Support independent journalism", "Support Vox’s explanatory journalism", "Chip in $10 or more…", "Donate now".',
    example: 'UNITED24 - Make a charitable donation in support of Ukraine!',
    match: /\b(?:make a (?:charitable |tax-deductible )?donation|donate (?:now|today|here|to us)|support (?:our|independent|quality|progressive|[\p{L}.-]+['’]s(?: [\p{L}-]+)?) journalism|become a (?:patron|supporter|member)|please (?:consider )?(?:supporting|donating)|chip in)\b/iu,
    maxChars: 260,
  },
  {
    name: 'advertisement-marker',
    reason: 'advertisement',
    comment: 'An ad slot label: "Advertisement", "Sponsored content", "Story continues below advertisement".',
    example: 'Advertisement',
    match: /^(?:(?:advertisement\s+)+advertisement|advertisement|advertising|advert|ads?|sponsored(?: content| post| links?| stories)?|promoted(?: content| stories)?|paid (?:content|post|partner content)|partner content|(?:story|article) continue[sd] below(?: advertisement)?|article continues after (?:this )?advertisement|continue reading below|(?:advertisement )?continue reading the main story|scroll to continue(?: with content)?)[.:]?$/i,
    maxChars: 60,
  },
  // ── share and subscribe ────────────────────────────────────────────────
  {
    name: 'mailing-list',
    reason: 'share-subscribe',
    comment: 'A newsletter or mailing-list call: "Join the GlobalSecurity.org mailing list", "Sign up for our daily newsletter", "Get the Monitor Stories you care about delivered to your inbox", "Let our news meet your inbox", "Thank you for signing up".',
    example: 'Join the GlobalSecurity.org mailing list',
    match: /\b(?:join|subscribe to|sign up (?:for|to)|get|receive) (?:the |our )?(?:[\p{L}\p{N}.'’-]+ ){0,3}(?:mailing list|newsletters?|daily briefing|e-?mail (?:updates|alerts))\b|\bdelivered (?:daily |weekly |every morning |straight )?to your inbox\b|\bin your inbox every (?:day|morning|week)\b|\bmeet your inbox\b|\bthank you for (?:signing up|subscribing)\b/iu,
    maxChars: 200,
  },
  {
    name: 'subscribe-call',
    reason: 'share-subscribe',
    comment: 'Subscribe/follow/sign-in calls standing alone: "Subscribe now", "Follow us on Telegram", "Follow @politicalticker", "Join us on Facebook/CNNOpinion.", "Sign in".',
    example: 'Follow us on Telegram',
    match: /^(?:(?:subscribe|sign up|register|log ?in|sign in)(?: now| today| here| for free)?[.!]?|subscribe (?:to|now for)\b.*|follow (?:us|[@\p{L}\p{N}_ .'’-]{1,30} on (?:twitter|x|facebook|telegram|instagram|youtube|tiktok))\b.*|(?:follow @[\p{L}\p{N}_]+\s*)+[.!]?|(?:join|like) us on (?:twitter|x|facebook|telegram|instagram|youtube|tiktok)\b.*)$/iu,
    maxChars: 120,
  },
  {
    name: 'share-link',
    reason: 'share-subscribe',
    comment: 'A share prompt with a short link: "Read or Share this story: http://usat.ly/…".',
    example: 'Read or Share this story: http://usat.ly/193fSGy',
    match: /^(?:read or )?share this (?:story|article|post)\s*:/i,
    maxChars: 160,
  },
  {
    name: 'share-bar',
    reason: 'share-subscribe',
    comment: 'Share buttons as text (shareButtons): "Share this article", "Facebook Twitter WhatsApp Email".',
    example: 'Share this article',
    match: SHARE_BAR,
    maxChars: 120,
  },
  {
    name: 'contribution-appeal',
    reason: 'donation-appeal',
    comment: 'A long paragraph asking readers to pay for the journalism: "… Your financial contribution will not constitute a donation … Please consider making a contribution to Vox today."',
    example: 'Your financial contribution will not constitute a donation, but it will enable our staff to continue to offer free articles. Please consider making a contribution to Vox today.',
    match: /\byour financial contribution will not constitute a donation\b|\bplease consider making a contribution to\b/i,
    maxChars: 900,
  },
  {
    name: 'signup-form',
    reason: 'share-subscribe',
    comment: 'A newsletter sign-up form saved as text, with its consent and error lines: "Email Sign Up By signing up you agree to receive email newsletters…", "Please verify you\'re not a robot by clicking the box."',
    example: 'POLITICO Playbook newsletter Sign up today to receive the #1-rated newsletter in politics Email Sign Up By signing up you agree to receive email newsletters or alerts from POLITICO. You can unsubscribe at any time.',
    // Phrases only a form prints; long, because forms run their consent, error and thank-you lines together.
    match: /\bby signing up,? you agree to (?:receive|our)\b|\bplease verify you['’]re not a robot\b|\byou may opt-out at any time\b/i,
    maxChars: 700,
  },
  {
    name: 'newsletter-form',
    reason: 'share-subscribe',
    comment: 'A newsletter form saved as one paragraph, with its messages and often its country list: "Get The Brief. Sign up to receive… Choose your country United States of America Afghanistan Albania … Zimbabwe Please enter a valid email address… For your security, we\'ve sent a confirmation email to the address you entered." (TIME, about 3,100 characters: its country names tied unrelated TIME articles into one event).',
    example: "Get our Space Newsletter. Sign up to receive the week's news in space. Please enter a valid email address. Sign Up Now Check the box if you do not wish to receive promotional offers via email from TIME. You can unsubscribe at any time. By signing up you are agreeing to our Terms of Use and Privacy Policy Thank you! For your security, we've sent a confirmation email to the address you entered.",
    // Lines only a form prints; the length allows the country list inside the paragraph.
    match: /\bchoose your country united states of america afghanistan\b|\bplease enter a valid email address\b|\bwe['’]ve sent a confirmation email to the address you entered\b/i,
    maxChars: 4000,
  },
  {
    name: 'follow-topic',
    reason: 'share-subscribe',
    comment: 'A call to follow a topic or visit the home page: "Add Impeachment Inquiry as an interest to stay up to date…", "Visit Business Insider\'s homepage for more stories."',
    example: "Visit Business Insider's homepage for more stories.",
    match: /\badd [^.?!]{1,60} as an interest to stay up to date\b|^visit [\p{L}\p{N}.'’ -]{1,40} homepage for more stories\.?$/iu,
    maxChars: 250,
  },
  {
    name: 'contact-call',
    reason: 'share-subscribe',
    comment: 'A call to contact the newsroom: "Contact us at editors@time.com.", "Got a tip from the right or left? Email foxnewsfirst@foxnews.com", "Send letters to letters@suntimes.com.", "Please include a contact number if you are willing to speak to a BBC journalist."',
    example: 'Contact us at editors@time.com.',
    match: /^contact us at \S+@\S+?\.?$|\bif you are willing to speak to an? [\p{L}\p{N} ]{1,20} journalist\b|^(?:got a (?:tip|question)\b|send letters to\b|let us know what you['’]re thinking at\b)[^@]{0,80}\S@\S/iu,
    maxChars: 200,
  },
  // ── byline boxes and template filler ───────────────────────────────────
  {
    name: 'lorem-ipsum',
    reason: 'template-filler',
    comment: 'Placeholder Latin of an unfilled template ("Author description olor sit amet, consectetur adipiscing elit…").',
    example: 'Author description olor sit amet, consectetur adipiscing elit. Sed pulvinar ligula augue.',
    match: /\b(?:lorem ipsum|[dl]?olor sit amet|consectetur adipiscing|adipiscing elit|sed do eiusmod|habitasse platea|pellentesque)\b/i,
    maxChars: 5000,
  },
  {
    name: 'comment-widget',
    reason: 'template-filler',
    comment: 'The comment section of a page template: "Leave a Comment", "12 comments", "Join the conversation".',
    example: 'Leave a Comment',
    match: /^(?:leave a (?:comment|reply)|post a comment|add a comment|\d+ comments?|comments?|show comments|view comments|join the (?:conversation|discussion)|you must be logged in to post a comment)[.:]?$/i,
    maxChars: 80,
  },
  {
    name: 'about-author',
    reason: 'byline-box',
    comment: 'The heading of an author box: "About the author".',
    example: 'About the author',
    match: /^about (?:the )?authors?:?$/i,
    maxChars: 40,
  },
  {
    name: 'byline',
    reason: 'byline-box',
    comment: 'A byline standing alone: "By Jane Doe", "By Jane Doe and John Roe, Reuters", "By John Stossel - August 22, 2012" (no terminal period: a sentence "By Friday, …" is story).',
    example: 'By Jane Doe and John Roe',
    match: /^(?:[Bb]y|BY|(?:[Ww]ritten|[Rr]eported|[Pp]osted|[Ww]ords) by)\s+\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){0,3}(?:\s*(?:,|and|&|\||[-–—])\s*[^!?]{0,80}[^.!?])?$/u,
    maxChars: 140,
  },
  {
    name: 'contributor-line',
    reason: 'byline-box',
    comment: 'Reporting credits at the foot of a story: "Contributing: The Associated Press", "The Associated Press contributed to this report.", "(Reporting by Josh Smith; Editing by Ed Davies)".',
    example: '(Reporting by Josh Smith; Editing by Ed Davies)',
    match: /^(?:\(\s*(?:additional )?(?:reporting|writing|editing|compiled) by [^()]{1,200}\)|(?:contributing|contributors?|additional reporting(?: by)?|reporting by|editing by|compiled by)\s*:?\s+[^.!?]{1,160}[^.!?:]|[^.!?]{2,120} contributed (?:reporting )?to this (?:report|story|article)\.?)$/i,
    maxChars: 240,
  },
  {
    name: 'agency-credit-line',
    reason: 'byline-box',
    comment: 'A credit line naming the news agency a text comes from: "Korean Central News Agency of DPRK via Korea News Service (KNS)", "Source: Xinhua".',
    example: 'Korean Central News Agency of DPRK via Korea News Service (KNS)',
    // Not a sentence: no terminal punctuation and at most 12 words ("KCNA reported the launch." is story).
    match: (text) =>
      !/[.!?]$/u.test(text) &&
      wordCount(text) <= 12 &&
      /^(?:source:\s*\S.*|(?:source:\s*)?[\p{L}\s.()'’&-]*\b(?:news agency|news service|press agency|telegraph agency|wire service)\b[\p{L}\s.()'’&-]*)$/iu.test(text),
    maxChars: 140,
  },
  {
    name: 'opinion-disclaimer',
    reason: 'template-filler',
    comment: 'The site\'s disclaimer under a column: "The opinions expressed by columnists are their own and do not necessarily represent the views of Townhall.com."',
    example: 'The opinions expressed by columnists are their own and do not necessarily represent the views of Townhall.com.',
    match: /^the (?:views|opinions) expressed (?:by|in) (?:[\p{L}\p{N}.'’-]+ ){1,6}(?:are|is) (?:(?:their|his|her|the author['’]s) own|solely those of)\b/iu,
    maxChars: 250,
  },
  {
    name: 'syndication-note',
    reason: 'copyright-footer',
    comment: 'Terms for republishing the story: "Content created by The Daily Caller News Foundation is available without charge to any eligible news publisher… For licensing opportunities…"',
    example: 'Content created by The Daily Caller News Foundation is available without charge to any eligible news publisher that can provide a large audience.',
    match: /\bis available without charge to any eligible news publisher\b|^for licensing opportunities\b/i,
    maxChars: 320,
  },
  {
    name: 'transcript-note',
    reason: 'page-meta',
    comment: 'A note on how a transcript was made: "This is a rush transcript. Copy may not be in its final form.", "NPR transcripts are created on a rush deadline…"',
    example: 'This is a rush transcript. Copy may not be in its final form.',
    match: /^this is a rush transcript\b|\btranscripts are created on a rush deadline\b/i,
    maxChars: 400,
  },
  // ── photo captions ─────────────────────────────────────────────────────
  {
    name: 'file-photo-caption',
    reason: 'photo-caption',
    comment: 'A caption introduced by a photo label: "FILE PHOTO. South Korean Army …", "Photo: …", "Pictured: …".',
    example: 'FILE PHOTO. South Korean Army K-30 self-propelled anti-aircraft gun crosses a floating bridge.',
    match: /^(?:file photo|file image|file picture|photo|image|picture|pictured|above|main image|in this photo|caption)\s*[.:|]/i,
    maxChars: 500,
  },
  {
    name: 'image-widget',
    reason: 'photo-caption',
    comment: 'Image widget text around a caption: "Enlarge this image toggle caption Laura Seitz/AP", "Photo", "Hide caption", "Slideshow (2 Images)".',
    example: 'Enlarge this image toggle caption Laura Seitz/AP Laura Seitz/AP',
    match: /^(?:enlarge this image|toggle caption|hide caption|show caption|(?:next|prev|previous) image|photo|image|gallery|click to expand(?: image)?)\b(?:[^.!?]*|.*\b(?:toggle|hide) caption\b.*)$|^slideshow \(\d+ images?\)$|^don['’]t see the (?:graphic|chart|video|photo|map)s? above\?/i,
    maxChars: 300,
  },
  {
    name: 'copyright-photo-credit',
    reason: 'photo-caption',
    comment: 'A caption ending in a © credit of a picture agency: "… © KIM Jae-Hwan/SOPA Images/LightRocket via Getty Images".',
    example: 'Kim Jong Un inspects a drill. © KCNA via Reuters',
    match: CREDIT_AFTER_COPYRIGHT,
    maxChars: 500,
  },
  {
    name: 'slash-photo-credit',
    reason: 'photo-caption',
    comment: 'A caption ending in an agency credit after a slash: "… (Photo by Jung Yeon-je / AFP)", "… Reuters/Kim Hong-Ji" is not matched (agency first).',
    example: 'Soldiers march in Pyongyang. Jung Yeon-je / AFP',
    match: CREDIT_AFTER_SLASH,
    maxChars: 400,
  },
  {
    name: 'labelled-photo-credit',
    reason: 'photo-caption',
    comment: 'A short line ending in a labelled credit: "… Photo: KCNA", "Credit: Getty Images".',
    example: 'Kim Jong Un at the meeting. Photo: KCNA',
    match: /(?:^|\s)(?:photo|photograph|image|credit|picture)s?\s*(?:credit)?:\s*[^.!?]{1,80}$/i,
    maxChars: 300,
  },
  // ── copyright and footer ───────────────────────────────────────────────
  {
    name: 'copyright-line',
    reason: 'copyright-footer',
    comment: 'A copyright notice: starts with ©, (c) or "Copyright ©/<year>", or says "All rights reserved".',
    example: '© Autonomous Nonprofit Organization “TV-Novosti”, 2005–2024. All rights reserved.',
    match: /^(?:©|\(c\)\s|copyright\s*(?:©|\(c\)|\d{4}))|\ball rights reserved\b/i,
    maxChars: 300,
  },
  {
    name: 'legal-links',
    reason: 'copyright-footer',
    comment: 'Footer links: "Privacy policy", "Terms of use", "Contact us | About us".',
    example: 'Privacy Policy | Terms of Use | Contact Us',
    match: /^(?:(?:privacy(?: policy)?|terms(?: of (?:use|service))?|terms and conditions|contact(?: us)?|about(?: us)?|imprint|impressum|sitemap|careers|advertise(?: with us)?|accessibility)[\s|·•,]*)+$/i,
    maxChars: 160,
  },
  // ── page metadata ──────────────────────────────────────────────────────
  {
    name: 'date-line',
    reason: 'page-meta',
    comment: 'A date line on its own (with a year): "30 Jun, 2024 10:41", "Published: June 30, 2024", "2024-06-30".',
    example: '30 Jun, 2024 10:41',
    match: DATE_LINE,
    maxChars: 80,
  },
  {
    name: 'updated-label',
    reason: 'page-meta',
    comment: 'A relative or partial publication label: "Updated 3 hours ago", "Published: Tuesday", "This story has been updated."',
    example: 'Updated 3 hours ago',
    match: /^(?:(?:published|updated|posted|last updated|first published|modified)(?: on| at)?\s*:?\s*[^.!?]{0,40}|this (?:story|article|post) has been updated\.?)$/i,
    maxChars: 60,
  },
  {
    name: 'relative-time',
    reason: 'page-meta',
    comment: 'A relative timestamp standing alone: "7 years ago", "3 hours ago", "This article is more than 4 years old".',
    example: '7 years ago',
    match: /^(?:(?:about |updated )?(?:\d+|an?|one) (?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?) ago|this (?:article|story) is more than (?:\d+|an?|one) (?:days?|weeks?|months?|years?) old)$/i,
    maxChars: 50,
  },
  {
    name: 'reading-time',
    reason: 'page-meta',
    comment: 'Reading-time and view counters: "4 min read", "1,024 views".',
    example: '4 min read',
    match: /^\d[\d,.]*\s*(?:min(?:ute)?s?\.?\s*read|views?|reads|shares)$/i,
    maxChars: 30,
  },
  {
    name: 'url-slug',
    reason: 'page-meta',
    comment: 'A URL slug printed alone: "north-korea-stronger-retaliation-response-threats-says-kcna" (lower case, four or more parts).',
    example: 'north-korea-stronger-retaliation-response-threats-says-kcna',
    match: /^\/?[a-z0-9]+(?:-[a-z0-9]+){3,}\/?$/,
    maxChars: 200,
  },
  {
    name: 'url-line',
    reason: 'page-meta',
    comment: 'A URL alone, optionally labelled: "https://www.rt.com/news/600210-…", "Source URL: …".',
    example: 'https://www.rt.com/news/600210-north-korea-asian-nato/',
    match: /^(?:(?:url|link|source(?: url)?|canonical|permalink|original article)\s*:\s*)?(?:https?:\/\/|www\.)\S+$/i,
    maxChars: 400,
  },
  // ── media players ──────────────────────────────────────────────────────
  {
    name: 'player-time',
    reason: 'media-player',
    comment: 'Audio/video player times: "0:00", "28:59", "0:00 / 28:59".',
    example: '0:00 / 28:59',
    match: /^\d{1,2}:\d{2}(?::\d{2})?(?:\s*\/?\s*\d{1,2}:\d{2}(?::\d{2})?)*$/,
    maxChars: 30,
  },
  {
    name: 'player-controls',
    reason: 'media-player',
    comment: 'Player controls and prompts: "Listen to this article", "Play", "Watch video".',
    example: 'Listen to this article',
    match: /^(?:listen(?: to this (?:article|story))?|play|pause|mute|unmute|watch(?: (?:video|now|live))?|audio|video|fullscreen|now playing|episode \d+)[.:]?$/i,
    maxChars: 40,
  },
  // ── teasers ────────────────────────────────────────────────────────────
  {
    name: 'read-more-marker',
    reason: 'teaser',
    comment: 'A link to another story: "Read more", "Read next: <headline>", "See also:", "Related:", "Also read:".',
    example: 'Read Next: Tragic Attack on Canadian Family Intended to Spread Fear Among Muslims, Court Reveals',
    match: /^(?:read (?:more|next|also|further|the full (?:story|article))\b|click here for (?:complete|full|more|all|the latest)\b|full coverage:|(?:see also|also read|also see|related|recommended|more on this|watch|listen|more|next|previous)\s*[:»›>|–—]|more on this(?: story)?\s*(?:\.{3}|…)|(?:see also|also read|more on this(?: story)?)$)/i,
    maxChars: 250,
  },
  {
    name: 'tagged-headline',
    reason: 'headline-list',
    comment: 'A headline followed by an all-caps content tag, as story lists print them: "… new president FEATURE", "… VIDEO".',
    example: 'The mother of Rus towns: How a legendary Russian city ended up in Ukraine FEATURE',
    match: /\s(?:FEATURE|VIDEO|OPINION|ANALYSIS|PODCAST|EXCLUSIVE|PHOTOS?|GALLERY|LIVE|WATCH|INTERVIEW|SPONSORED)$/,
    maxChars: 250,
  },
];

/**
 * Cheap necessary conditions, by rule name: a literal that every match of the rule contains (a piece
 * of the pattern's words, where one that starts with a rarer letter is searched faster).
 * The unanchored patterns otherwise try every position of every block up to their length cap
 * (most of the clean stage's time on story paragraphs). `lower` is text.toLowerCase(), made once
 * per block (the duplicate rules reuse it): the patterns with the i flag match their literals in
 * any letter case, and a literal search in the lower-cased copy finds them (lower-casing maps every
 * ASCII letter to its small form, and without the u flag no other character matches an ASCII
 * letter). With the iu flags "ſ" also folds to "s" (and the Kelvin sign to "k", which lower-casing
 * does too), so literals for those rules avoid the letter s.
 */
const NEEDS: Readonly<Record<string, (text: string, lower: string) => boolean>> = {
  'icon-names': (_, l) => l.includes('icon'),
  'breadcrumb-trail': (t) => t.includes('»') || t.includes('›'),
  'cookie-notice': (_, l) => l.includes('kie'),
  // "app" and "app store" hold "pp": a search for "p" skips more of a paragraph than one for "a".
  'app-download': (_, l) => l.includes('pp') || l.includes('google play'),
  'donation-appeal': (_, l) => l.includes('donat') || l.includes('journali') || l.includes('become a') || l.includes('plea') || l.includes('chip in'),
  'mailing-list': (_, l) => l.includes('mail') || l.includes('letter') || l.includes('briefing') || l.includes('inbox') || l.includes('igning up') || l.includes('cribing'),
  'contribution-appeal': (_, l) => l.includes('contribution'),
  'signup-form': (_, l) => l.includes('igning up') || l.includes('robot') || l.includes('opt-out'),
  'newsletter-form': (_, l) => l.includes('valid email') || l.includes('choose your country') || l.includes('confirmation email'),
  'follow-topic': (_, l) => l.includes('intere') || l.includes('homepage'),
  'contact-call': (_, l) => l.includes('@') || l.includes('journali'),
  'syndication-note': (_, l) => l.includes('without charge') || l.includes('licensing'),
  'transcript-note': (_, l) => l.includes('transcript'),
  // Not a sentence end, then "source:" or one of the agency nouns (iu flags: no literal "s").
  'agency-credit-line': (t, l) => !isSentenceEnd(t.charCodeAt(t.length - 1)) && (l.includes('ource:') || l.includes('agency') || l.includes('ervice')),
  'copyright-photo-credit': (t) => t.includes('©'),
  'slash-photo-credit': (t) => t.includes('/'),
  // The credit's colon comes after the last sentence end ([^.!?]{1,80}$ follows it), and a credit label precedes it.
  'labelled-photo-credit': (t, l) => {
    const colon = t.lastIndexOf(':');
    if (colon < 0 || t.includes('.', colon) || t.includes('!', colon) || t.includes('?', colon)) return false;
    return l.includes('photo') || l.includes('image') || l.includes('credit') || l.includes('picture');
  },
  // Only "all rights reserved" may stand anywhere: the other forms open the line.
  'copyright-line': (t, l) => t.startsWith('©') || l.startsWith('(c)') || l.startsWith('copyright') || l.includes('ghts reserved'),
  // The last character is a capital A-Z (the content tags are): read it, where /[A-Z]$/ tries every position.
  'tagged-headline': (t) => {
    const c = t.charCodeAt(t.length - 1);
    return c >= 65 && c <= 90;
  },
  // Each alternative holds one of these words: a literal search, where the pattern tries its \b and
  // seven alternatives at every position of every paragraph.
  'lorem-ipsum': (_, l) => LOREM_PARTS.some((w) => l.includes(w)),
};
/**
 * A piece of each word of the lorem-ipsum pattern ("ipsum", "sit amet", "adipiscing", "eiusmod", "platea",
 * "pellentesque"), chosen to start with a letter rare in English: a literal search jumps between
 * occurrences of its first letter, so "psum" reads a paragraph about twice as fast as "ipsum".
 */
const LOREM_PARTS = ['psum', 'met', 'pisc', 'mod', 'platea', 'que'];

function isSentenceEnd(c: number): boolean {
  return c === 0x2e || c === 0x21 || c === 0x3f;
}

/**
 * Whether every top-level alternative of a pattern source starts with "^" (the whole pattern is
 * anchored at the start: tried at position 0 only), and it has no back-reference (whose group
 * number would change inside a combined pattern).
 */
export function anchoredSource(source: string): boolean {
  let depth = 0;
  let inClass = false;
  let altStart = true;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (altStart && depth === 0 && !inClass && ch !== '^') return false;
    altStart = false;
    if (ch === '\\') {
      const next = source[i + 1] ?? '';
      if (!inClass && (/[1-9]/.test(next) || next === 'k')) return false;
      i++;
    } else if (inClass) {
      if (ch === ']') inClass = false;
    } else if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) altStart = true;
  }
  return !altStart;
}

/**
 * The anchored pattern rules without a literal condition, combined per flag set into one pattern
 * "(?:a)|(?:b)|…": it matches exactly when one of them does (an alternation matches at a position
 * when one of its alternatives does), so one failed test of the combination stands for every rule in
 * it. A story paragraph fails them all on its first characters; one call instead of one per rule.
 */
function combineAnchored(): { groups: RegExp[]; groupOf: Map<string, number> } {
  const byFlags = new Map<string, BlockRule[]>();
  for (const rule of BLOCK_RULES) {
    if (!(rule.match instanceof RegExp) || NEEDS[rule.name] || !anchoredSource(rule.match.source)) continue;
    const flags = rule.match.flags;
    if (flags.includes('g') || flags.includes('y')) continue;
    byFlags.set(flags, [...(byFlags.get(flags) ?? []), rule]);
  }
  const groups: RegExp[] = [];
  const groupOf = new Map<string, number>();
  for (const [flags, rules] of byFlags) {
    if (rules.length < 2) continue;
    let combined: RegExp;
    try {
      combined = new RegExp(rules.map((r) => `(?:${(r.match as RegExp).source})`).join('|'), flags);
    } catch {
      continue; // e.g. the same group name twice: test the rules one by one
    }
    for (const r of rules) groupOf.set(r.name, groups.length);
    groups.push(combined);
  }
  return { groups, groupOf };
}

const { groups: GROUPS, groupOf: GROUP_OF } = combineAnchored();

/** The rules with their conditions resolved once (a lookup by name per block and rule showed in profiles). */
const CHECKS = BLOCK_RULES.map((rule) => ({ rule, maxChars: rule.maxChars, needs: NEEDS[rule.name] ?? null, group: GROUP_OF.get(rule.name) ?? -1 }));

/**
 * The rules' length caps, ascending, and for each the rules (in order) whose cap is at least that:
 * the rules that may match a block are one list, found by its length. A story paragraph is past
 * all caps but two, so its loop no longer steps over the forty rules that cannot match it.
 */
const CAPS = [...new Set(CHECKS.map((c) => c.maxChars))].sort((a, b) => a - b);
const CHECKS_BY_CAP = CAPS.map((cap) => CHECKS.filter((c) => c.maxChars >= cap));

/** Per block: 0 = group not tested yet, 1 = some rule of the group may match, 2 = none does. */
const groupStates = new Uint8Array(GROUPS.length);

/**
 * The first rule matching the block text, or null. `lower` is text.toLowerCase() when the caller
 * has it (the clean stage makes it once per block).
 */
export function matchBlockRule(text: string, lower: string = text.toLowerCase()): BlockRule | null {
  let cap = 0;
  while (cap < CAPS.length && CAPS[cap]! < text.length) cap++;
  if (cap === CAPS.length) return null;
  groupStates.fill(0);
  for (const { rule, needs, group } of CHECKS_BY_CAP[cap]!) {
    if (group >= 0) {
      if (groupStates[group] === 0) groupStates[group] = GROUPS[group]!.test(text) ? 1 : 2;
      if (groupStates[group] === 2) continue;
    }
    if (needs && !needs(text, lower)) continue;
    const ok = typeof rule.match === 'function' ? rule.match(text) : rule.match.test(text);
    if (ok) return rule;
  }
  return null;
}
