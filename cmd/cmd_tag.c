/* cmd_tag.c - `sitrep tag`: part-of-speech tags for raw articles, or for the gold tokens of
 * a CoNLL-U file (columns 4 and 5 replaced, so the tagger can be scored against a treebank).
 */
#include "cmd.h"
#include "syntax/syntax.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char tag_help[] =
    "usage: sitrep tag [--jobs N] [--input jsonl|html|text] [--dict DIR] [FILE|-]...\n"
    "       sitrep tag --conllu [--model FILE] [--dict DIR] FILE.conllu|-\n"
    "\n"
    "Prints each sentence of each article as CoNLL-U-like lines: '# sent_id', '# text',\n"
    "then one line per token: ID, FORM, _, UPOS, XPOS and five '_' columns. A blank line\n"
    "separates sentences.\n"
    "\n"
    "With --conllu the input is CoNLL-U with gold tokens: the output is the same text with\n"
    "predicted UPOS and XPOS in columns 4 and 5 of every word line; all other columns,\n"
    "comments, multiword-token and empty-node lines are unchanged.\n"
    "\n"
    "  --jobs N      tag N articles in parallel; output stays in input order\n"
    "  --input K     treat every input as jsonl, html or text\n"
    "  --model FILE  (with --conllu) the model to use instead of DIR/models/tagger.bin\n"
    "  --dict DIR    data directory (default: $SITREP_DATA, the source tree, or the\n"
    "                installed share/sitrep)\n";

static int tag_conllu(const char *path, const char *model_path, const char *data_dir)
{
    char dir[4096], model_file[4200];
    if (!model_path) {
        if (data_dir)
            snprintf(dir, sizeof dir, "%s", data_dir);
        else if (!path_find_data_dir(dir, sizeof dir)) {
            cmd_error("cannot find the data directory; set SITREP_DATA or use --model");
            return EXIT_RUNTIME;
        }
        snprintf(model_file, sizeof model_file, "%s/models/tagger.bin", dir);
        model_path = model_file;
    }
    diag d;
    diag_clear(&d);
    char message[1200];
    tagger *model = tagger_load(model_path, &d);
    if (!model) {
        diag_format(&d, message, sizeof message);
        cmd_error("%s", message);
        return EXIT_RUNTIME;
    }
    char *data;
    size_t length;
    int rc = EXIT_OK;
    if (file_read_all(path, TAGGER_CONLLU_MAX_BYTES, &data, &length, &d)) {
        diag_format(&d, message, sizeof message);
        cmd_error("%s", message);
        tagger_free(model);
        return EXIT_RUNTIME;
    }
    buf out;
    buf_init(&out, (size_t)2 << 30);
    if (tagger_tag_conllu(model, data, length, path, &out, &d)) {
        diag_format(&d, message, sizeof message);
        cmd_error("%s", message);
        rc = EXIT_RUNTIME;
    } else if (fwrite(out.data, 1, out.len, stdout) != out.len || fflush(stdout) != 0) {
        cmd_error("cannot write the output");
        rc = EXIT_RUNTIME;
    }
    buf_release(&out);
    free(data);
    tagger_free(model);
    return rc;
}

int cmd_tag(int argc, char **argv)
{
    batch_options options = {
        .input_kind = -1, .format = SITREP_FORMAT_TAGS, .jobs = 1, .progress = true};
    sitrep_options context_options = {.load = SITREP_LOAD_TAGS}; /* the tagger alone */
    const char *model_path = NULL;
    bool conllu = false;
    char **paths = calloc((size_t)argc + 1, sizeof(char *));
    int npaths = 0;
    if (!paths)
        return EXIT_RUNTIME;
    int rc = -1;
    for (int i = 1; i < argc && rc < 0; i++) {
        const char *arg = argv[i];
        const char *value = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            fputs(tag_help, stdout);
            rc = EXIT_OK;
        } else if (strcmp(arg, "-") == 0 || arg[0] != '-') {
            paths[npaths++] = argv[i];
        } else if (strcmp(arg, "--conllu") == 0) {
            conllu = true;
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
        } else {
            cmd_error("unknown option '%s' (see --help)", arg);
            rc = EXIT_USAGE;
        }
    }
    if (rc < 0 && conllu && npaths != 1) {
        cmd_error("tag --conllu reads one file (see --help)");
        rc = EXIT_USAGE;
    }
    if (rc < 0 && !conllu && model_path) {
        cmd_error("--model goes with --conllu; raw text uses DIR/models/tagger.bin");
        rc = EXIT_USAGE;
    }
    if (rc < 0 && conllu)
        rc = tag_conllu(paths[0], model_path, context_options.data_dir);
    if (rc < 0) {
        char err[1024];
        sitrep_context *context = sitrep_context_new(&context_options, err, sizeof err);
        if (!context) {
            cmd_error("%s", err);
            rc = EXIT_RUNTIME;
        } else {
            /* `code` runs without tags when a data directory has no model; `tag` is useless
             * without one, so it says so */
            char model[4200];
            snprintf(model, sizeof model, "%s/models/tagger.bin", sitrep_context_data_dir(context));
            if (access(model, R_OK) != 0) {
                cmd_error("%s: no part-of-speech model (cannot open it)", model);
                rc = EXIT_RUNTIME;
            } else {
                rc = batch_run(context, &options, paths, npaths);
            }
            sitrep_context_free(context);
        }
    }
    free(paths);
    return rc;
}
