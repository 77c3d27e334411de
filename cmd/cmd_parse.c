/* cmd_parse.c - `sitrep parse` (dependency parses of raw articles, or of the gold tokens of a
 * CoNLL-U file) and `sitrep train-parser` (src/syntax/parser_train.c).
 */
#include "cmd.h"
#include "syntax/syntax.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char parse_help[] =
    "usage: sitrep parse [--jobs N] [--input jsonl|html|text] [--beam W] [--dict DIR]\n"
    "                    [FILE|-]...\n"
    "       sitrep parse --conllu [--gold-tags] [--model FILE] [--tagger FILE] [--beam W]\n"
    "                    [--dict DIR] FILE.conllu|-\n"
    "\n"
    "Prints each sentence of each article as CoNLL-U: '# sent_id', '# text', then one line\n"
    "per token: ID, FORM, _, UPOS, XPOS, _, HEAD, DEPREL, _, _ (our tokens, our tags, our\n"
    "parse; DEPREL is a Universal Dependencies relation). A blank line separates sentences.\n"
    "\n"
    "With --conllu the input is CoNLL-U with gold tokens: the output is the same text with\n"
    "predicted UPOS and XPOS (columns 4 and 5), HEAD and DEPREL (7 and 8) and '_' for DEPS\n"
    "(9); other columns, comments, multiword-token and empty-node lines are unchanged.\n"
    "\n"
    "  --jobs N       parse N articles in parallel; output stays in input order\n"
    "  --input K      treat every input as jsonl, html or text\n"
    "  --conllu       read CoNLL-U (gold tokens) instead of articles\n"
    "  --gold-tags    (with --conllu) parse from the file's own tags instead of re-tagging\n"
    "  --model FILE   (with --conllu) the parser model instead of DIR/models/parser.bin\n"
    "  --tagger FILE  (with --conllu) the tagger model instead of DIR/models/tagger.bin\n"
    "  --beam W       decode with a beam of W (1: greedy, to 16) instead of the model's own\n"
    "                 (8 for the committed model): narrower is faster, less accurate\n"
    "  --dict DIR     data directory (default: $SITREP_DATA, the source tree, or the\n"
    "                 installed share/sitrep)\n";

static int report_diag(const diag *d)
{
    char message[1200];
    diag_format(d, message, sizeof message);
    cmd_error("%s", message);
    return EXIT_RUNTIME;
}

static int parse_conllu(const char *path, const char *model_path, const char *tagger_path, int beam,
                        bool gold_tags, const char *data_dir)
{
    char dir[4096] = "", model_file[4200], tagger_file[4200];
    if ((!model_path || (!tagger_path && !gold_tags)) && !data_dir &&
        !path_find_data_dir(dir, sizeof dir)) {
        cmd_error("cannot find the data directory; set SITREP_DATA or use --model and --tagger");
        return EXIT_RUNTIME;
    }
    if (data_dir)
        snprintf(dir, sizeof dir, "%s", data_dir);
    if (!model_path) {
        snprintf(model_file, sizeof model_file, "%s/models/parser.bin", dir);
        model_path = model_file;
    }
    if (!tagger_path && !gold_tags) {
        snprintf(tagger_file, sizeof tagger_file, "%s/models/tagger.bin", dir);
        tagger_path = tagger_file;
    }
    diag d;
    diag_clear(&d);
    parser *model = parser_load(model_path, &d);
    if (model && beam > 0)
        parser_set_beam(model, (unsigned)beam);
    if (!model)
        return report_diag(&d);
    tagger *tags = NULL;
    if (!gold_tags && !(tags = tagger_load(tagger_path, &d))) {
        parser_free(model);
        return report_diag(&d);
    }
    char *data;
    size_t length;
    int rc = EXIT_OK;
    if (file_read_all(path, TAGGER_CONLLU_MAX_BYTES, &data, &length, &d)) {
        parser_free(model);
        tagger_free(tags);
        return report_diag(&d);
    }
    buf out;
    buf_init(&out, (size_t)2 << 30);
    if (parser_parse_conllu(model, tags, data, length, path, &out, &d)) {
        rc = report_diag(&d);
    } else if (fwrite(out.data, 1, out.len, stdout) != out.len || fflush(stdout) != 0) {
        cmd_error("cannot write the output");
        rc = EXIT_RUNTIME;
    }
    buf_release(&out);
    free(data);
    parser_free(model);
    tagger_free(tags);
    return rc;
}

int cmd_parse(int argc, char **argv)
{
    batch_options options = {
        .input_kind = -1, .format = SITREP_FORMAT_TAGS, .jobs = 1, .progress = true};
    sitrep_options context_options = {.parse = 1, .load = SITREP_LOAD_TAGS}; /* tagger and parser */
    const char *model_path = NULL, *tagger_path = NULL;
    bool conllu = false, gold_tags = false;
    char **paths = calloc((size_t)argc + 1, sizeof(char *));
    int npaths = 0;
    if (!paths)
        return EXIT_RUNTIME;
    int rc = -1;
    for (int i = 1; i < argc && rc < 0; i++) {
        const char *arg = argv[i];
        const char *value = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            fputs(parse_help, stdout);
            rc = EXIT_OK;
        } else if (strcmp(arg, "-") == 0 || arg[0] != '-') {
            paths[npaths++] = argv[i];
        } else if (strcmp(arg, "--conllu") == 0) {
            conllu = true;
        } else if (strcmp(arg, "--gold-tags") == 0) {
            gold_tags = true;
        } else if (!value) {
            cmd_error("option '%s' needs a value (see --help)", arg);
            rc = EXIT_USAGE;
        } else if (strcmp(arg, "--jobs") == 0 || strcmp(arg, "-j") == 0) {
            char *end;
            long jobs = strtol(value, &end, 10);
            if (*end || jobs < 1 || jobs > 256) {
                cmd_error("--jobs wants a number from 1 to 256, not '%s'", value);
                rc = EXIT_USAGE;
            }
            options.jobs = (int)jobs;
            i++;
        } else if (strcmp(arg, "--input") == 0) {
            if ((options.input_kind = parse_input_kind(value)) < 0)
                rc = EXIT_USAGE;
            i++;
        } else if (strcmp(arg, "--dict") == 0) {
            context_options.data_dir = value;
            i++;
        } else if (strcmp(arg, "--model") == 0) {
            model_path = value;
            i++;
        } else if (strcmp(arg, "--tagger") == 0) {
            tagger_path = value;
            i++;
        } else if (strcmp(arg, "--beam") == 0) {
            char *end;
            long width = strtol(value, &end, 10);
            if (*end || !*value || width < 1 || width > PARSER_BEAM_MAX) {
                cmd_error("--beam wants a number from 1 to %d, not '%s'", PARSER_BEAM_MAX, value);
                rc = EXIT_USAGE;
            }
            context_options.parse_beam = (int)width;
            i++;
        } else {
            cmd_error("unknown option '%s' (see --help)", arg);
            rc = EXIT_USAGE;
        }
    }
    if (rc < 0 && conllu && npaths != 1) {
        cmd_error("parse --conllu reads one file (see --help)");
        rc = EXIT_USAGE;
    }
    if (rc < 0 && !conllu && (model_path || tagger_path || gold_tags)) {
        cmd_error("--model, --tagger and --gold-tags go with --conllu; raw text uses the models "
                  "of the data directory");
        rc = EXIT_USAGE;
    }
    if (rc < 0 && gold_tags && tagger_path) {
        cmd_error("--gold-tags and --tagger exclude each other");
        rc = EXIT_USAGE;
    }
    if (rc < 0 && conllu)
        rc = parse_conllu(paths[0], model_path, tagger_path, context_options.parse_beam, gold_tags,
                          context_options.data_dir);
    if (rc < 0) {
        char err[1024];
        sitrep_context *context = sitrep_context_new(&context_options, err, sizeof err);
        if (!context) {
            cmd_error("%s", err);
            rc = EXIT_RUNTIME;
        } else {
            rc = batch_run(context, &options, paths, npaths);
            sitrep_context_free(context);
        }
    }
    free(paths);
    return rc;
}

static const char train_help[] =
    "usage: sitrep train-parser --train F.conllu[.gz] [--dev F.conllu] --out FILE\n"
    "                           [--epochs N] [--seed S] [--explore-from E] [--explore-rate P]\n"
    "                           [--min-count N] [--prune N]\n"
    "                           [--beam W [--max-violation] [--joint] [--parse-beam W]]\n"
    "                           [--dev-each-epoch] [--also-out FILE --also-prune N]\n"
    "\n"
    "Trains the dependency parser (arc-hybrid transitions, an averaged perceptron, a dynamic\n"
    "oracle) on a CoNLL-U treebank (plain or gzip-compressed) and writes the model to FILE.\n"
    "The parser learns from the tags in columns 4 and 5: give it the tags the tagger predicts\n"
    "(tools/parser-jackknife.sh) so that it learns to live with their mistakes. With --dev,\n"
    "prints the saved model's UAS and LAS on that file (its own tags; every word counts,\n"
    "punctuation included). Same data, options and seed give the same model bytes.\n"
    "\n"
    "  --train F          training treebank (non-projective arcs are lifted)\n"
    "  --dev F            development treebank to score the model on\n"
    "  --out FILE         where to write the model (data/models/parser.bin is the one sitrep\n"
    "                     loads)\n"
    "  --epochs N         passes over the training data (default 15)\n"
    "  --seed S           seed of the sentence order and the exploration (default 1)\n"
    "  --explore-from E   first epoch (from 1) that follows the parser's own mistakes\n"
    "                     (default 2)\n"
    "  --explore-rate P   share of mistakes followed from then on, 0 to 1 (default 0.9)\n"
    "  --min-count N      words seen fewer times are unknown words (default 2)\n"
    "  --prune N          drop features whose largest weight (of 32767) is below N\n"
    "                     (default 0)\n"
    "  --beam W           beam search of width W (2 to 16): the moves are trained globally\n"
    "                     (early update) and the model parses with that beam (default 1:\n"
    "                     greedy)\n"
    "  --max-violation    with --beam: update where the beam's best outscores the gold parse\n"
    "                     most (Huang et al. 2012) rather than where the gold parse falls off\n"
    "  --joint            with --beam: every move with each of its relations is a candidate of\n"
    "                     the beam, the relations trained globally with the moves (Zhang and\n"
    "                     Nivre 2011) rather than chosen once the move is\n"
    "  --parse-beam W     with --beam: the width the model decodes with by default (1 to 16;\n"
    "                     default: the training's; `sitrep parse --beam` overrides it)\n"
    "  --dev-each-epoch   score --dev after every epoch (slower)\n"
    "  --also-out FILE    also write the same weights pruned with --also-prune N (one\n"
    "                     training, two model sizes; scored on --dev too)\n";

/* Writes a model beside its path, then renames it, so a failed run never leaves half a
 * model; false (said) on failure. */
static bool write_model(const char *out, const buf *model)
{
    char tmp[4200];
    snprintf(tmp, sizeof tmp, "%s.tmp", out);
    FILE *f = fopen(tmp, "wb");
    bool ok = f && fwrite(model->data, 1, model->len, f) == model->len;
    if (f && fclose(f) != 0)
        ok = false;
    if (!ok || rename(tmp, out) != 0) {
        cmd_error("%s: cannot write: %s", out, strerror(errno));
        remove(tmp);
        return false;
    }
    return true;
}

static void print_report(const char *out, const parser_info *info, const char *dev, double uas,
                         double las, const parser_train_report *report)
{
    fprintf(stderr,
            "train-parser: %zu sentences, %zu tokens, %zu non-projective arcs lifted; %s: %zu "
            "bytes: %zu move features, %zu relation features with %zu weights, %zu relations, "
            "%zu words, beam %u\n",
            report->train_sentences, report->train_tokens, report->nonprojective_arcs, out,
            info->bytes, info->move_features, info->label_features, info->label_weights,
            info->relations, info->words, info->beam);
    if (dev)
        fprintf(stderr, "train-parser: %s: dev UAS %.2f%% LAS %.2f%% on %zu tokens\n", out,
                100 * uas, 100 * las, report->dev_tokens);
}

static void print_progress(void *context, const char *line)
{
    (void)context;
    fprintf(stderr, "train-parser: %s\n", line);
}

static bool number_option(const char *arg, const char *value, long min, long max, long *out)
{
    char *end;
    errno = 0;
    long n = strtol(value, &end, 10);
    if (*end || !*value || errno || n < min || n > max) {
        cmd_error("%s wants a number from %ld to %ld, not '%s'", arg, min, max, value);
        return false;
    }
    *out = n;
    return true;
}

int cmd_train_parser(int argc, char **argv)
{
    const char *train = NULL, *dev = NULL, *out = NULL, *also_out = NULL;
    bool also_prune = false;
    parser_train_options options = {.epochs = 15,
                                    .seed = 1,
                                    .explore_from = 1,
                                    .explore_rate = 0.9,
                                    .min_word_count = 2,
                                    .progress = print_progress};
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            fputs(train_help, stdout);
            return EXIT_OK;
        }
        if (strcmp(arg, "--max-violation") == 0) {
            options.max_violation = true;
            continue;
        }
        if (strcmp(arg, "--joint") == 0) {
            options.joint = true;
            continue;
        }
        if (strcmp(arg, "--dev-each-epoch") == 0) {
            options.dev_each_epoch = true;
            continue;
        }
        const char *value = i + 1 < argc ? argv[i + 1] : NULL;
        if (!value) {
            cmd_error("option '%s' needs a value (see --help)", arg);
            return EXIT_USAGE;
        }
        long n;
        if (strcmp(arg, "--train") == 0) {
            train = value;
        } else if (strcmp(arg, "--dev") == 0) {
            dev = value;
        } else if (strcmp(arg, "--out") == 0) {
            out = value;
        } else if (strcmp(arg, "--epochs") == 0) {
            if (!number_option(arg, value, 1, 100, &n))
                return EXIT_USAGE;
            options.epochs = (unsigned)n;
        } else if (strcmp(arg, "--explore-from") == 0) {
            if (!number_option(arg, value, 1, 101, &n))
                return EXIT_USAGE;
            options.explore_from = (unsigned)n - 1;
        } else if (strcmp(arg, "--beam") == 0) {
            if (!number_option(arg, value, 1, PARSER_BEAM_MAX, &n))
                return EXIT_USAGE;
            options.beam = (unsigned)n;
        } else if (strcmp(arg, "--min-count") == 0) {
            if (!number_option(arg, value, 1, 1000000, &n))
                return EXIT_USAGE;
            options.min_word_count = (unsigned)n;
        } else if (strcmp(arg, "--also-out") == 0) {
            also_out = value;
        } else if (strcmp(arg, "--also-prune") == 0) {
            if (!number_option(arg, value, 0, 32767, &n))
                return EXIT_USAGE;
            options.also_prune = (unsigned)n;
            also_prune = true;
        } else if (strcmp(arg, "--parse-beam") == 0) {
            if (!number_option(arg, value, 1, PARSER_BEAM_MAX, &n))
                return EXIT_USAGE;
            options.parse_beam = (unsigned)n;
        } else if (strcmp(arg, "--prune") == 0) {
            if (!number_option(arg, value, 0, 32767, &n))
                return EXIT_USAGE;
            options.prune = (unsigned)n;
        } else if (strcmp(arg, "--explore-rate") == 0) {
            char *end;
            errno = 0;
            double r = strtod(value, &end);
            if (*end || !*value || errno || !(r >= 0 && r <= 1)) {
                cmd_error("--explore-rate wants a number from 0 to 1, not '%s'", value);
                return EXIT_USAGE;
            }
            options.explore_rate = r;
        } else if (strcmp(arg, "--seed") == 0) {
            char *end;
            errno = 0;
            unsigned long long s = strtoull(value, &end, 10);
            if (*end || !*value || errno || value[0] == '-') {
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
        cmd_error("train-parser needs --train and --out (see --help)");
        return EXIT_USAGE;
    }
    if (options.max_violation && options.beam < 2) {
        cmd_error("--max-violation needs --beam 2 or wider (see --help)");
        return EXIT_USAGE;
    }
    if (options.joint && options.beam < 2) {
        cmd_error("--joint needs --beam 2 or wider (see --help)");
        return EXIT_USAGE;
    }
    if (options.parse_beam && options.beam < 2) {
        cmd_error("--parse-beam needs --beam 2 or wider (see --help)");
        return EXIT_USAGE;
    }
    if (!also_out != !also_prune) {
        cmd_error("--also-out and --also-prune go together (see --help)");
        return EXIT_USAGE;
    }
    buf model, also;
    buf_init(&model, PARSER_FILE_MAX);
    buf_init(&also, PARSER_FILE_MAX);
    options.also_out = also_out ? &also : NULL;
    parser_train_report report;
    diag d;
    diag_clear(&d);
    int rc = EXIT_OK;
    if (parser_train(train, dev, &options, &model, &report, &d)) {
        rc = report_diag(&d);
    } else if (!write_model(out, &model) || (also_out && !write_model(also_out, &also))) {
        rc = EXIT_RUNTIME;
    } else {
        print_report(out, &report.info, dev, report.dev_uas, report.dev_las, &report);
        if (also_out)
            print_report(also_out, &report.also_info, dev, report.also_dev_uas, report.also_dev_las,
                         &report);
    }
    buf_release(&model);
    buf_release(&also);
    return rc;
}
