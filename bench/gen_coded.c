/* gen_coded.c - writes deterministic coded articles (the DESIGN.md section 2 contract, with
 * events, quotes and quantities) for the store's benchmark and tests.
 *
 * usage: gen_coded ARTICLES [EVENTS_PER_ARTICLE [SEED [DAYS [VARIETY]]]]
 * Each line is one article object. Events draw source, target, CAMEO code, place and day
 * from fixed lists with a fixed-seed generator over DAYS days (default 3650) from 2015-01-01,
 * so some events repeat across articles (and merge) while most stay distinct. VARIETY N
 * draws countries, roles, CAMEO codes and places from the first N of each list only, so that
 * many events merge (the store's concurrency tests).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static uint64_t state = 0x9E3779B97F4A7C15ULL;

static uint32_t next_random(void)
{
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return (uint32_t)(state >> 16);
}

static uint32_t variety; /* 0: whole lists */

#define PICK(list) list[next_random() % (sizeof list / sizeof list[0])]
#define PICK_FEW(list)                                                                             \
    list[next_random() % (variety && variety < sizeof list / sizeof list[0]                        \
                              ? variety                                                            \
                              : (uint32_t)(sizeof list / sizeof list[0]))]

static const char *const countries[] = {"RUS", "UKR", "PRK", "CHN", "USA", "IRN", "ISR", "SYR",
                                        "TUR", "IND", "PAK", "AFG", "SDN", "YEM", "LBN", "IRQ",
                                        "GBR", "FRA", "DEU", "JPN", "KOR", "SAU", "EGY", "ETH"};
static const char *const roles[] = {"GOV", "MIL", "REB", "", "COP", "OPP", "BUS", "MED"};
static const char *const cameos[] = {"010", "020", "036", "040", "042", "043", "051", "057", "061",
                                     "072", "080", "111", "112", "120", "130", "138", "141", "150",
                                     "160", "172", "173", "181", "190", "193", "194", "195", "200"};
static const char *const plovers[] = {"AGREE",   "CONSULT",  "SUPPORT", "AID",
                                      "REQUEST", "ACCUSE",   "REJECT",  "THREATEN",
                                      "PROTEST", "MOBILIZE", "COERCE",  "ASSAULT"};
static const char *const modalities[] = {"asserted", "asserted", "asserted",    "negated",
                                         "planned",  "possible", "hypothetical"};
static const char *const kinds[] = {"named", "official", "organization", "document", "publisher",
                                    NULL,    NULL};
static const char *const publishers[] = {"Wire One", "The Daily Ledger", "Frontline", "Global Desk",
                                         "Capital Times"};
static const char *const places[] = {"Kursk",    "Kyiv",    "Gaza",   "Aleppo", "Sanaa",
                                     "Khartoum", "Donetsk", "Beirut", "Tehran", "Istanbul"};
static const char *const words[] = {
    "forces",    "troops",  "talks",     "said",         "officials", "strike",      "border",
    "ceasefire", "missile", "drone",     "aid",          "report",    "minister",    "army",
    "attack",    "convoy",  "sanctions", "intelligence", "offensive", "negotiations"};

static void civil(long days, int *y, int *m, int *d)
{
    days += 719468;
    long era = (days >= 0 ? days : days - 146096) / 146097;
    long doe = days - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: gen_coded ARTICLES [EVENTS_PER_ARTICLE [SEED [DAYS [VARIETY]]]]\n");
        return 2;
    }
    long n = atol(argv[1]);
    int events = argc > 2 ? atoi(argv[2]) : 10;
    if (argc > 3)
        state ^= (uint64_t)atoll(argv[3]) * 0x2545F4914F6CDD1DULL;
    long span = argc > 4 ? atol(argv[4]) : 3650;
    if (span < 1)
        span = 1;
    variety = argc > 5 ? (uint32_t)atol(argv[5]) : 0;
    const long base = 16436; /* 2015-01-01 */
    for (long a = 0; a < n; a++) {
        int y, m, d;
        civil(base + (long)(next_random() % (uint32_t)span), &y, &m, &d);
        int nsentences = 4 + (int)(next_random() % 6);
        printf("{\"id\":\"gen-%ld-%08x\",\"url\":\"https://news%u.example/a/%ld\","
               "\"published\":\"%04d-%02d-%02d\",\"meta\":{\"publisher\":\"%s\","
               "\"section\":\"World\",\"headline\":\"Headline %ld\",\"byline\":null,"
               "\"captions\":[]},\"sentences\":[",
               a, next_random(), next_random() % 5, a, y, m, d, PICK(publishers), a);
        long offset = 0;
        for (int s = 0; s < nsentences; s++) {
            printf("%s{\"n\":%d,\"start\":%ld,\"end\":%ld,\"paragraph\":%d,\"text\":\"Sentence %d "
                   "of article %ld:",
                   s ? "," : "", s, offset, offset + 80, s / 2, s, a);
            for (int w = 0; w < 10; w++)
                printf(" %s", PICK(words));
            printf(".\"}");
            offset += 82;
        }
        printf("],\"actors\":[],\"events\":[");
        for (int e = 0; e < events; e++) {
            const char *sc = PICK_FEW(countries), *sr = PICK_FEW(roles);
            const char *tc = PICK_FEW(countries), *tr = PICK_FEW(roles);
            const char *cameo = PICK_FEW(cameos);
            const char *kind = PICK(kinds);
            int q = 1 + (int)(next_random() % 4);
            printf("%s{\"id\":\"e%d\",\"sentence\":%d,"
                   "\"source\":{\"text\":\"%s forces\",\"code\":\"%s%s\",\"country\":\"%s\","
                   "\"role\":\"%s\"},"
                   "\"target\":{\"text\":\"%s officials\",\"code\":\"%s%s\",\"country\":\"%s\","
                   "\"role\":\"%s\"},"
                   "\"cameo\":\"%s\",\"root\":\"%.2s\",\"label\":\"label %s\",\"plover\":\"%s\","
                   "\"goldstein\":%.1f,\"quad_class\":%d,\"modality\":\"%s\",",
                   e ? "," : "", e + 1, e % nsentences, sc, sc, sr, sc, sr, tc, tc, tr, tc, tr,
                   cameo, cameo, cameo, PICK(plovers), (double)(next_random() % 200) / 10 - 10, q,
                   PICK(modalities));
            if (kind)
                printf("\"attribution\":{\"text\":\"a source\",\"kind\":\"%s\",\"code\":null,"
                       "\"cue\":\"said\"},",
                       kind);
            else
                printf("\"attribution\":null,");
            if (next_random() % 3 == 0)
                printf("\"quantities\":[{\"value\":%u,\"unit\":\"troops\",\"text\":\"%u "
                       "troops\",\"qualifier\":\"approx\"}],",
                       next_random() % 20000, next_random() % 20000);
            else
                printf("\"quantities\":[],");
            printf("\"place\":{\"text\":\"in %s\",\"name\":\"%s\",\"country\":\"%s\","
                   "\"lat\":%.2f,\"lon\":%.2f},",
                   PICK(places), PICK_FEW(places), tc, (double)(next_random() % 1800) / 10 - 90,
                   (double)(next_random() % 3600) / 10 - 180);
            printf("\"date\":{\"text\":\"on %s\",\"value\":\"%04d-%02d-%02d\"},"
                   "\"evidence\":{\"start\":0,\"end\":80,\"verb\":\"said\","
                   "\"rule\":\"data/verbs/gen.txt:%d\"}}",
                   "Monday", y, m, d, e + 1);
        }
        printf("],\"quotes\":[{\"sentence\":0,\"speaker\":{\"text\":\"a spokesman\","
               "\"code\":null},\"cue\":\"said\",\"text\":\"We will respond.\",\"direct\":true}],"
               "\"quantities\":[],\"dates\":[],\"places\":[],\"warnings\":[]}\n");
    }
    return 0;
}
