/* gencorpus.c - writes a deterministic corpus of news-like articles for `make bench`.
 *
 * usage: gencorpus MEGABYTES OUT.jsonl OUT.txt
 * Articles are assembled from sentence templates filled with actors, places, numbers and
 * dates by a fixed-seed generator, so every run (and every machine) gets the same bytes.
 * OUT.jsonl holds one {"id","published","title","text"} record per article; OUT.txt holds
 * the first article-sized chunk of text as a plain-text page (about 1 MB).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t state = 0x2545F4914F6CDD1DULL;

static uint32_t next_random(void)
{
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return (uint32_t)(state >> 16);
}

#define PICK(list) list[next_random() % (sizeof list / sizeof list[0])]

static const char *const actors[] = {
    "Russia",
    "Ukraine",
    "North Korea",
    "China",
    "the United States",
    "Iran",
    "Israel",
    "Hamas",
    "Hezbollah",
    "the Houthis",
    "NATO",
    "the European Union",
    "Turkey",
    "India",
    "Pakistan",
    "the Taliban",
    "Sudan's army",
    "the Rapid Support Forces",
    "Kim Jong-un",
    "President Vladimir Putin",
    "Volodymyr Zelenskiy",
    "the Kremlin",
    "Pyongyang",
    "Kyiv",
    "Washington",
    "Beijing",
    "the U.N. Security Council",
    "Gen. Valery Gerasimov",
    "Ukrainian military intelligence",
    "British intelligence officials",
    "the Pentagon",
    "Syrian rebels",
    "Iraqi militias",
    "Japan",
    "South Korea",
    "Taiwan",
    "the Philippines",
};
static const char *const places[] = {
    "Kursk",
    "Donetsk",
    "Kharkiv",
    "the Gaza Strip",
    "the West Bank",
    "the Red Sea",
    "Khartoum",
    "Darfur",
    "the South China Sea",
    "the Taiwan Strait",
    "Crimea",
    "Zaporizhzhia",
    "southern Lebanon",
    "Idlib",
    "Kabul",
    "Mogadishu",
    "Tigray",
    "the Sahel",
    "Baghdad",
};
static const char *const verbs_past[] = {
    "attacked",
    "shelled",
    "accused",
    "warned",
    "met",
    "sanctioned",
    "praised",
    "criticised",
    "threatened",
    "sent troops to",
    "signed an agreement with",
    "expelled diplomats from",
    "called for talks with",
    "launched drones at",
    "imposed an embargo on",
    "supported",
};
static const char *const reporting[] = {
    "officials said",
    "a spokesman said",
    "according to a statement",
    "analysts said",
    "the ministry said on Monday",
    "diplomats told reporters",
    "a new report revealed",
};
static const char *const days[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                   "Friday", "Saturday", "Sunday"};
static const char *const quantities[] = {
    "around 14,000 troops",
    "at least 1.5 million shells",
    "about 300 drones",
    "more than 2,000 civilians",
    "nearly half of the munitions",
    "$1.2bn in aid",
    "one in every two artillery shells",
    "dozens of fighters",
    "up to 40 missiles",
};

static void sentence(char *out, size_t cap)
{
    switch (next_random() % 7) {
    case 0:
        snprintf(out, cap, "%s %s %s in %s on %s, %s.", PICK(actors), PICK(verbs_past),
                 PICK(actors), PICK(places), PICK(days), PICK(reporting));
        break;
    case 1:
        snprintf(out, cap,
                 "Gen. %c. Petrov said %s had sent %s to %s, a claim the U.S. "
                 "could not verify.",
                 'A' + (int)(next_random() % 26), PICK(actors), PICK(quantities), PICK(places));
        break;
    case 2:
        snprintf(out, cap,
                 "\"We will not accept this,\" said a senior official in %s, who "
                 "spoke on condition of anonymity.",
                 PICK(places));
        break;
    case 3:
        snprintf(out, cap, "%s is planning to deploy %s near %s, %s.", PICK(actors),
                 PICK(quantities), PICK(places), PICK(reporting));
        break;
    case 4:
        snprintf(out, cap,
                 "Although %s denied the report, %s said the attack on %s killed "
                 "%u people and wounded %u more.",
                 PICK(actors), PICK(actors), PICK(places), next_random() % 90 + 2,
                 next_random() % 400 + 10);
        break;
    case 5:
        snprintf(out, cap,
                 "The talks in %s, the first since %u, ended without an agreement "
                 "on a ceasefire.",
                 PICK(places), 2014 + next_random() % 10);
        break;
    default:
        snprintf(out, cap,
                 "%s's foreign minister met his counterpart from %s on %s to "
                 "discuss sanctions against %s.",
                 PICK(actors), PICK(actors), PICK(days), PICK(actors));
        break;
    }
}

static void json_escape(FILE *f, const char *s)
{
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            fputc('\\', f);
        if (*s == '\n') {
            fputs("\\n", f);
            continue;
        }
        fputc(*s, f);
    }
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: gencorpus MEGABYTES OUT.jsonl OUT.txt\n");
        return 2;
    }
    size_t target = (size_t)atol(argv[1]) << 20;
    FILE *jsonl = fopen(argv[2], "w");
    FILE *text = fopen(argv[3], "w");
    if (!jsonl || !text) {
        perror("gencorpus");
        return 1;
    }
    size_t written = 0, text_written = 0;
    char article[16384], line[1024];
    for (unsigned id = 0; written < target; id++) {
        size_t len = 0;
        unsigned paragraphs = 4 + next_random() % 6;
        for (unsigned p = 0; p < paragraphs; p++) {
            unsigned sentences = 1 + next_random() % 3;
            for (unsigned s = 0; s < sentences; s++) {
                sentence(line, sizeof line);
                len += (size_t)snprintf(article + len, sizeof article - len, "%s%s", s ? " " : "",
                                        line);
            }
            if (p + 1 < paragraphs)
                len += (size_t)snprintf(article + len, sizeof article - len, "\n\n");
        }
        fprintf(jsonl, "{\"id\":\"bench-%u\",\"published\":\"2025-%02u-%02u\",\"title\":\"", id,
                1 + id % 12, 1 + id % 28);
        sentence(line, sizeof line);
        json_escape(jsonl, line);
        fputs("\",\"text\":\"", jsonl);
        json_escape(jsonl, article);
        fputs("\"}\n", jsonl);
        written += len + 120;
        if (text_written < (1u << 20)) {
            fprintf(text, "%s\n\n", article);
            text_written += len + 2;
        }
    }
    fclose(jsonl);
    fclose(text);
    return 0;
}
