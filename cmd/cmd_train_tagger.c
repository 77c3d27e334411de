/* cmd_train_tagger.c - `sitrep train-tagger`: trains the part-of-speech model from CoNLL-U
 * (src/syntax/tagger_train.c) and writes it, with the dev-set accuracy on stderr.
 */
#include "cmd.h"
#include "syntax/syntax.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char train_help[] =
    "usage: sitrep train-tagger --train F.conllu[.gz] [--dev F.conllu] --out FILE\n"
    "                           [--epochs N] [--seed S] [--passes 1|2] [--drop LIST]\n"
    "                           [--min-count N]\n"
    "\n"
    "Trains the part-of-speech tagger (an averaged perceptron predicting UPOS and XPOS) on a\n"
    "CoNLL-U treebank (plain or gzip-compressed) and writes the model to FILE. With --dev,\n"
    "prints the saved model's UPOS and XPOS accuracy on that file (gold tokens).\n"
    "Same data, epochs and seed give the same model bytes.\n"
    "\n"
    "  --train F    training treebank (multiword-token and empty-node lines are skipped)\n"
    "  --dev F      development treebank to score the model on\n"
    "  --out FILE   where to write the model (data/models/tagger.bin is the one sitrep loads)\n"
    "  --epochs N   passes over the training data (default 8)\n"
    "  --seed S     seed of the sentence shuffling (default 1)\n"
    "  --passes P   2 (default): a second pass re-tags the words the first was unsure of,\n"
    "               also seeing the first pass's tags of the next two words (+0.25 UPOS on\n"
    "               EWT, about a quarter slower); 1: one greedy pass (see docs/tagger.md)\n"
    "  --drop LIST  feature templates to leave out, comma-separated: sK is static template K\n"
    "               (0-40), dK dynamic template K (0-8), numbered as in docs/tagger.md\n"
    "  --min-count N  leave out features seen fewer than N times in the training data\n"
    "               (default 1: every feature)\n";

/* Parses --drop's "s3,d7,..." into the two masks; false on a bad item. */
static bool parse_drop(const char *value, uint64_t *drop_static, uint64_t *drop_dynamic)
{
    const char *p = value;
    while (*p) {
        char kind = *p++;
        char *end;
        errno = 0;
        long k = strtol(p, &end, 10);
        if ((kind != 's' && kind != 'd') || end == p || errno || k < 0 ||
            k >= (kind == 's' ? TAGGER_MAX_STATIC : TAGGER_MAX_DYNAMIC))
            return false;
        if (kind == 's')
            *drop_static |= UINT64_C(1) << k;
        else
            *drop_dynamic |= UINT64_C(1) << k;
        p = end;
        if (*p == ',' && p[1])
            p++;
        else if (*p)
            return false;
    }
    return p != value;
}

static void report(void *context, const char *line)
{
    (void)context;
    fprintf(stderr, "train-tagger: %s\n", line);
}

int cmd_train_tagger(int argc, char **argv)
{
    const char *train = NULL, *dev = NULL, *out = NULL;
    tagger_train_options options = {.epochs = 8, .seed = 1, .passes = 2, .progress = report};
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            fputs(train_help, stdout);
            return EXIT_OK;
        }
        const char *value = i + 1 < argc ? argv[i + 1] : NULL;
        if (!value) {
            cmd_error("option '%s' needs a value (see --help)", arg);
            return EXIT_USAGE;
        }
        char *end;
        if (strcmp(arg, "--train") == 0) {
            train = value;
        } else if (strcmp(arg, "--dev") == 0) {
            dev = value;
        } else if (strcmp(arg, "--out") == 0) {
            out = value;
        } else if (strcmp(arg, "--epochs") == 0) {
            long n = strtol(value, &end, 10);
            if (*end || n < 1 || n > 100) {
                cmd_error("--epochs wants a number from 1 to 100, not '%s'", value);
                return EXIT_USAGE;
            }
            options.epochs = (unsigned)n;
        } else if (strcmp(arg, "--passes") == 0) {
            if (strcmp(value, "1") != 0 && strcmp(value, "2") != 0) {
                cmd_error("--passes wants 1 or 2, not '%s'", value);
                return EXIT_USAGE;
            }
            options.passes = (unsigned)(value[0] - '0');
        } else if (strcmp(arg, "--min-count") == 0) {
            long n = strtol(value, &end, 10);
            if (*end || !*value || n < 1 || n > 1000) {
                cmd_error("--min-count wants a number from 1 to 1000, not '%s'", value);
                return EXIT_USAGE;
            }
            options.min_count = (unsigned)n;
        } else if (strcmp(arg, "--drop") == 0) {
            if (!parse_drop(value, &options.drop_static, &options.drop_dynamic)) {
                cmd_error("--drop wants templates like 's3,s12,d5' (static 0-%d, dynamic 0-%d), "
                          "not '%s'",
                          TAGGER_MAX_STATIC - 1, TAGGER_MAX_DYNAMIC - 1, value);
                return EXIT_USAGE;
            }
        } else if (strcmp(arg, "--seed") == 0) {
            errno = 0;
            unsigned long long s = strtoull(value, &end, 10);
            if (*end || !*value || errno) {
                cmd_error("--seed wants a non-negative number, not '%s'", value);
                return EXIT_USAGE;
            }
            options.seed = s;
        } else {
            cmd_error("unknown option '%s' (see --help)", arg);
            return EXIT_USAGE;
        }
        i++;
    }
    if (!train || !out) {
        cmd_error("train-tagger needs --train and --out (see --help)");
        return EXIT_USAGE;
    }
    buf model;
    buf_init(&model, TAGGER_FILE_MAX);
    tagger_train_report report;
    diag d;
    diag_clear(&d);
    if (tagger_train(train, dev, &options, &model, &report, &d)) {
        char message[1200];
        diag_format(&d, message, sizeof message);
        cmd_error("%s", message);
        buf_release(&model);
        return EXIT_RUNTIME;
    }
    /* Write beside the target, then rename, so a failed run never leaves half a model. */
    char tmp[4200];
    snprintf(tmp, sizeof tmp, "%s.tmp", out);
    FILE *f = fopen(tmp, "wb");
    bool ok = f && fwrite(model.data, 1, model.len, f) == model.len;
    if (f && fclose(f) != 0)
        ok = false;
    if (!ok || rename(tmp, out) != 0) {
        cmd_error("%s: cannot write: %s", out, strerror(errno));
        remove(tmp);
        buf_release(&model);
        return EXIT_RUNTIME;
    }
    fprintf(stderr,
            "train-tagger: %zu sentences, %zu tokens; model %zu bytes, %zu classes, %zu XPOS, "
            "%zu features, %zu weights\n",
            report.train_sentences, report.train_tokens, report.info.bytes, report.info.classes,
            report.info.xpos - 1, report.info.features, report.info.weights);
    if (dev)
        fprintf(stderr, "train-tagger: dev UPOS %.2f%% XPOS %.2f%% on %zu tokens\n",
                100 * report.dev_upos, 100 * report.dev_xpos, report.dev_tokens);
    buf_release(&model);
    return EXIT_OK;
}
