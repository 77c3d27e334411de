/* words.c - the word lists and token tests the attribution rules read (attribution stage):
 * auxiliaries and adverbs of a verb group, words that end a source phrase, determiners and
 * pronouns, the heads of documents, officials and anonymous sources, institution words that
 * are no part of a person's name, and quotation marks.
 */
#include "attribution_internal.h"

#define WORD_LIST(name, ...)                                                                       \
    static const char *const name##_words[] = {__VA_ARGS__};                                       \
    const word_list name = {name##_words, ARRAY_LEN(name##_words)}

bool attribution_tok_in(const frame_ctx *c, size_t i, const word_list *list)
{
    slice s = tok(c, i);
    if (s.len == 0)
        return false;
    char first = (char)(s.ptr[0] | 0x20);
    for (size_t k = 0; k < list->count; k++)
        if ((char)(list->words[k][0] | 0x20) == first && slice_eq_nocase(s, list->words[k]))
            return true;
    return false;
}

/* Auxiliaries and the adverbs that stand between a source and its verb: they belong to the
 * cue group ("has repeatedly said", "also noted"). */
WORD_LIST(attribution_auxiliaries, "has", "have", "had", "'s", "’s", "is", "are", "was", "were",
          "be", "been", "being", "will", "would", "shall", "should", "can", "could", "may", "might",
          "must", "do", "does", "did", "not", "n't", "n’t", "never", "also", "now", "repeatedly",
          "publicly", "previously", "recently", "reportedly", "already", "later", "earlier",
          "again", "further", "privately", "separately", "still", "even", "often", "widely",
          "initially", "falsely", "flatly", "strongly", "firmly", "openly", "officially",
          "formally", "long", "once", "then", "first", "just", "since", "subsequently",
          "originally", "frequently", "routinely", "consistently", "clearly", "explicitly",
          "quickly", "immediately", "finally", "simply", "personally", "angrily", "bluntly",
          "flatly", "categorically", "vehemently", "emphatically", "jokingly", "reluctantly",
          "sharply", "sometimes", "always", "generally", "both", "all", "each", "too", "ultimately",
          "nonetheless", "however", "apparently", "allegedly", "essentially", "basically", "merely",
          "indeed", "certainly", "specifically", "particularly", "quietly", "loudly", "notably",
          "increasingly", "largely", "mostly", "partly", "soon", "ago");

/* Words that end a noun phrase when scanning left from a verb: the source starts after them. */
WORD_LIST(attribution_left_boundaries, "that", "as", "because", "while", "when", "after", "before",
          "although", "though", "if", "since", "but", "whereas", "where", "which", "who", "whom",
          "so", "yet", "until", "unless", "whether", "than", "once", "even", "why", "how", "what",
          "whatever", "whenever", "wherever");

WORD_LIST(attribution_determiners, "the", "a", "an", "this", "that", "these", "those", "his", "her",
          "its", "their", "our", "my", "your", "whose", "every", "each", "any", "no", "some", "'s",
          "\xE2\x80\x99s");

WORD_LIST(attribution_pronouns, "he", "she", "they", "it", "we", "i", "you");

/* occasions of saying: "during a rally", "in a Sunday tweet", "at a news conference" */
WORD_LIST(attribution_setting_heads, "rally", "rallies", "speech", "interview", "tweet", "debate",
          "forum", "hearing", "hearings", "conference", "appearance", "event", "town", "op-ed",
          "broadcast", "briefing", "address", "meeting", "visit", "stop", "luncheon", "dinner",
          "gathering", "convention", "summit", "session", "podcast", "show", "program", "radio",
          "speeches", "interviews", "tweets", "debates", "statement", "statements", "remarks",
          "comments", "letter", "column", "email", "emails", "video", "ad", "ads", "posts");
/* news outlets that report as documents do: "The New York Times reported the email came ..." */
WORD_LIST(attribution_outlet_heads, "times", "journal", "cnn", "ap", "reuters", "politico",
          "bloomberg", "axios", "nbc", "abc", "cbs", "bbc", "msnbc", "examiner", "tribune",
          "herald", "guardian", "telegraph", "newsweek", "breitbart", "hill", "globe", "afp",
          "xinhua", "tass", "interfax", "yonhap", "al-jazeera", "jazeera", "npr", "pbs", "wsj",
          "gazette", "chronicle", "inquirer", "sun", "mirror", "independent", "economist");
WORD_LIST(attribution_document_heads, "report", "reports", "statement", "statements", "study",
          "survey", "document", "documents", "memo", "analysis", "assessment", "communique",
          "letter", "poll", "data", "investigation", "filing", "dossier", "video", "footage",
          "images", "records", "paper", "article", "book", "review", "briefing", "release",
          "notice", "decree", "resolution", "tweet", "post", "estimates", "figures", "cable",
          "transcript", "audit", "polls", "surveys", "studies", "findings", "results", "emails",
          "email", "complaint", "lawsuit", "indictment", "ruling", "judgment", "verdict", "summary",
          "projection", "projections", "forecast", "model", "index", "map", "photographs", "photos",
          "evidence", "research", "guidelines", "order", "rules", "bill", "legislation", "law",
          "proposal", "plan", "platform", "ad", "advertisement", "website", "memorandum",
          "directive", "text", "speech", "census", "count", "tally", "calculations", "numbers",
          "analyses", "assessments", "letters", "messages", "message", "cables", "documents",
          "files", "ads", "videos", "tweets", "posts");

WORD_LIST(attribution_official_heads, "official", "officials", "spokesman", "spokeswoman",
          "spokesperson", "spokesmen", "spokespeople", "diplomat", "diplomats", "aide", "aides",
          "officer", "officers", "commander", "commanders", "analyst", "analysts", "expert",
          "experts", "observer", "observers", "witness", "witnesses", "resident", "residents",
          "people", "lawmaker", "lawmakers", "legislator", "legislators", "envoy", "envoys",
          "negotiator", "negotiators", "mediator", "mediators", "authorities", "investigators",
          "investigator", "prosecutors", "prosecutor", "activists", "activist", "monitors",
          "member", "members", "minister", "ministers", "adviser", "advisers", "advisor",
          "advisors", "representative", "representatives", "delegate", "delegates", "planners",
          "chiefs", "leaders", "leader", "doctors", "medics", "rescuers", "workers", "agents",
          "staff", "researchers", "scientists", "economists", "traders", "bankers", "campaigners",
          "critics", "supporters", "opponents", "civilians", "governor", "governors", "mayor",
          "chief", "head", "ambassador", "secretary", "general", "president", "premier",
          "chancellor", "commissioner", "director", "coordinator", "rapporteur", "inspector",
          "inspectors", "police", "paramedics", "voters", "strategists", "operatives", "donors",
          "candidates", "candidate", "senator", "senators", "congressman", "congresswoman", "judge",
          "judges", "lawyer", "lawyers", "attorney", "attorneys", "survivors", "relatives",
          "families", "parents", "students", "protesters", "demonstrators", "soldiers", "troops",
          "fighters", "rebels", "militants", "villagers", "refugees", "americans", "democrats",
          "republicans", "conservatives", "liberals", "progressives", "republican", "democrat",
          "historians", "scholars", "professor", "professors", "manager", "executive", "executives",
          "founder", "chairman", "chairwoman", "chair", "pollster", "pollsters", "consultant",
          "consultants", "columnist", "reporter", "reporters", "journalist", "journalists",
          "editor", "writer", "author", "host", "correspondent", "clerk", "employees", "colleagues",
          "allies", "friends", "fans", "followers", "residents", "crowd", "audience",
          "participants", "respondents", "others", "many", "some", "most", "few", "several", "both",
          "everyone", "nobody", "someone", "anyone", "person", "man", "woman", "men", "women",
          "voter");

/* Heads of sources who are unnamed on purpose. */
WORD_LIST(attribution_anonymous_heads, "source", "sources", "insider", "insiders", "person",
          "people", "individual", "individuals");

/* Capitalised words that belong to organisations and places rather than to people's names. */
WORD_LIST(attribution_institution_words, "Ministry", "Council", "Army", "Forces", "Force",
          "Command", "Government", "Kremlin", "Pentagon", "Department", "Office", "Agency",
          "Service", "Committee", "Commission", "Union", "Nations", "Organization", "Organisation",
          "Party", "Front", "Group", "Court", "Parliament", "Assembly", "Congress", "Senate",
          "House", "Bank", "Fund", "Institute", "University", "Times", "Post", "News", "Press",
          "Reuters", "Korea", "States", "Kingdom", "Republic", "Emirates", "Arabia", "Africa",
          "America", "Europe", "Guard", "Navy", "Corps", "Police", "Authority", "Administration",
          "Cabinet", "Secretariat", "Bureau", "Centre", "Center", "Foundation", "Watch",
          "International", "Network", "Alliance", "Coalition", "Movement", "Brigade", "Brigades",
          "Battalion", "Division", "Staff", "Headquarters", "Intelligence", "Security", "Defence",
          "Defense", "Affairs", "Street", "Hall", "Palace", "Tribunal", "Observatory", "Red",
          "Cross", "Crescent", "Hezbollah", "Hamas", "Taliban", "Houthis", "Wagner", "Gaza",
          "Strip", "Sea", "Coast", "Island", "Campaign", "Committee", "Association", "Journal",
          "Magazine", "Network", "Club", "Society", "Council", "Caucus", "Federation", "Board",
          "Company", "Corporation", "Inc.", "Co.", "Corp.", "Ltd.", "LLC", "Group", "Project",
          "Initiative", "Center", "Institute", "Trust", "Times", "Tribune", "Herald", "Gazette",
          "Daily", "Weekly", "Radio", "Television", "TV", "Channel", "Agency", "Station", "Church",
          "Mosque", "Hospital", "School", "College", "Academy", "Museum", "Library", "Democrats",
          "Republicans", "GOP", "Conference", "Summit", "Forum", "Convention", "Poll", "Survey",
          "Report", "Review", "Research", "Studies", "Study", "Index");

WORD_LIST(attribution_day_words, "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
          "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december", "jan.", "feb.", "aug.", "sept.", "oct.",
          "nov.", "dec.");

WORD_LIST(attribution_wh_words, "whether", "if", "how", "why", "what", "who", "when", "where",
          "which");

WORD_LIST(attribution_time_words, "yesterday", "today", "tonight", "earlier", "later", "again",
          "recently", "previously", "then", "now", "once", "twice", "afterward", "afterwards",
          "overnight");

/* The words of a parenthetical between a source and its cue: "Hunter, meanwhile, told",
 * "Murphy, though, said", "Obama, for his part, said", "Clinton, in turn, argued". */
WORD_LIST(attribution_interrupters, "meanwhile", "though", "however", "too", "also", "instead",
          "in", "turn", "for", "by", "on", "other", "hand", "his", "her", "its", "their", "part",
          "example", "instance", "contrast", "addition", "fact", "response", "moreover", "likewise",
          "similarly", "separately", "nonetheless", "nevertheless", "therefore", "then", "now",
          "earlier", "later", "ultimately", "indeed", "notably", "afterward", "afterwards", "again",
          "still", "meantime", "the", "particular", "short", "yesterday", "today", "tonight",
          "privately", "publicly", "previously", "recently", "once", "otherwise", "thus", "hence",
          "accordingly", "consequently", "besides", "furthermore", "alone", "personally", "himself",
          "herself", "themselves", "itself");

/* "“It's unusual,“ said Larry Noble": an opening mark that touches a comma or a stop before
 * it and stands before a space closes the quotation (a typing slip the news keeps). */
static bool misturned_close(const frame_ctx *c, size_t i)
{
    if (i == 0 || (c->tokens[i].flags & TOKEN_SPACE_BEFORE) ||
        !slice_eq_cstr(tok(c, i), "\xE2\x80\x9C"))
        return false;
    if (!is_punct(c, i - 1, ',') && !attribution_is_final_punct(c, i - 1))
        return false;
    return i + 1 >= c->ntokens ||
           (c->tokens[i + 1].flags & (TOKEN_SPACE_BEFORE | TOKEN_LINE_START));
}

bool attribution_is_opening_quote(const frame_ctx *c, size_t i)
{
    if (c->tokens[i].kind != TOKEN_QUOTE)
        return false;
    slice s = tok(c, i);
    if (misturned_close(c, i))
        return false;
    if (slice_eq_cstr(s, "\xE2\x80\x9C") || slice_eq_cstr(s, "\xC2\xAB") ||
        slice_eq_cstr(s, "\xE2\x80\x9E") || slice_eq_cstr(s, "\xE2\x80\x98") ||
        slice_eq_cstr(s, "``"))
        return true;
    if (!slice_eq_cstr(s, "\"") && !slice_eq_cstr(s, "''"))
        return false;
    /* a straight quote opens before a word it touches: ` "We` (and "''" after a space); one
     * between spaces after a comma or a stop closes (`coalitions, '' said`) */
    bool space_before = i == 0 || (c->tokens[i].flags & (TOKEN_SPACE_BEFORE | TOKEN_LINE_START));
    bool touches_next = i + 1 < c->ntokens && !(c->tokens[i + 1].flags & TOKEN_SPACE_BEFORE);
    if (space_before && !touches_next && i > 0 &&
        (is_punct(c, i - 1, ',') || attribution_is_final_punct(c, i - 1)))
        return false;
    return space_before || c->tokens[i - 1].kind == TOKEN_DASH || is_punct(c, i - 1, '(') ||
           is_punct(c, i - 1, '[');
}

bool attribution_is_closing_quote(const frame_ctx *c, size_t i)
{
    slice s = tok(c, i);
    /* "the mechanics'' of": the tokenizer reads '' after a plural as its possessive, but a
     * doubled apostrophe is always a quotation mark */
    if (c->tokens[i].kind == TOKEN_CLITIC && slice_eq_cstr(s, "''"))
        return true;
    if (c->tokens[i].kind != TOKEN_QUOTE)
        return false;
    if (slice_eq_cstr(s, "\xE2\x80\x9D") || slice_eq_cstr(s, "\xC2\xBB") || misturned_close(c, i))
        return true;
    /* "a special case,''' Mr. Putin said": the single quotation's mark after the double one's
     * (the tokenizer reads ''' as '' and ') */
    if (slice_eq_cstr(s, "'") && i > 0 && !(c->tokens[i].flags & TOKEN_SPACE_BEFORE) &&
        slice_eq_cstr(tok(c, i - 1), "''") && attribution_is_closing_quote(c, i - 1))
        return true;
    if (!slice_eq_cstr(s, "\"") && !slice_eq_cstr(s, "''") && !slice_eq_cstr(s, "\xE2\x80\x99"))
        return false;
    if (!(c->tokens[i].flags & TOKEN_SPACE_BEFORE))
        return true;
    bool touches_next = i + 1 < c->ntokens && !(c->tokens[i + 1].flags & TOKEN_SPACE_BEFORE);
    if (touches_next || i == 0)
        return false;
    /* "... the name of 'Clinton,' " said": a single quotation closes before the double one */
    if (i > 1 && c->tokens[i - 1].kind == TOKEN_QUOTE && !slice_eq_cstr(tok(c, i - 1), "\"") &&
        (is_punct(c, i - 2, ',') || attribution_is_final_punct(c, i - 2)))
        return true;
    return is_punct(c, i - 1, ',') || attribution_is_final_punct(c, i - 1);
}

bool attribution_is_final_punct(const frame_ctx *c, size_t i)
{
    slice s = tok(c, i);
    return c->tokens[i].kind == TOKEN_PUNCT && s.len >= 1 &&
           (s.ptr[0] == '.' || s.ptr[0] == '!' || s.ptr[0] == '?' ||
            slice_eq_cstr(s, "\xE2\x80\xA6"));
}

bool attribution_is_verb(const frame_ctx *c, size_t i)
{
    uint8_t upos = c->tokens[i].upos;
    if (upos == UPOS_NONE)
        return c->tokens[i].kind == TOKEN_WORD;
    return upos == UPOS_VERB || upos == UPOS_AUX;
}

size_t attribution_token_at(const frame_ctx *c, uint32_t offset)
{
    size_t lo = 0, hi = c->ntokens;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->tokens[mid].start < offset)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The first comma in [from, end) outside quotation marks, or end. */
size_t attribution_comma_outside_quotes(const frame_ctx *c, size_t from, size_t end)
{
    for (size_t j = from; j < end; j++) {
        if (c->quote_end[j] >= 0) {
            j = (size_t)c->quote_end[j];
            continue;
        }
        if (is_punct(c, j, ','))
            return j;
    }
    return end;
}
