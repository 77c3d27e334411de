/* fuzz_serve_head.c - libFuzzer target for `sitrep serve`'s request heads (serve_head_parse):
 * any bytes, as a client may send them, whole and cut at every length the parser would see
 * them arrive in. Properties checked besides the sanitizers: a complete head lies within the
 * bytes given and its fields point into them; a refusal is one of the statuses the server
 * answers with, and says why; a head refused (or complete) at some length is never "more to
 * come" when more bytes arrive.
 */
#include "serve/serve.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

static bool inside(const char *p, size_t n, const char *start, size_t size)
{
    return !p || (p >= start && p + n <= start + size);
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    const char *text = (const char *)data;
    size_t max_head = 4096 + (size % 4096);
    int settled = -2; /* the first length at which the parser decided */
    for (size_t n = 0; n <= size; n += 1 + n / 8) {
        serve_head head;
        char error[256] = "";
        int status = serve_head_parse(text, n, max_head, &head, error, sizeof error);
        if (status == 0) {
            bool root = head.target_length == 1 && head.target[0] == '/'; /* "http://host" */
            if (head.length > n || (!root && !inside(head.target, head.target_length, text, n)) ||
                !inside(head.host, head.host_length, text, n) || head.target_length == 0 ||
                !strchr("GHPDOCT"
                        "ABEFIJKLMNQRSUVWXYZ"
                        "abcdefghijklmnopqrstuvwxyz0123456789!#$%&'*+-.^_`|~",
                        head.method[0]))
                abort();
        } else if (status > 0) {
            if (!error[0] || (status != 400 && status != 414 && status != 431 && status != 505))
                abort();
        } else if (status != -1) {
            abort();
        }
        if (settled != -2 && status == -1)
            abort(); /* decided before, undecided with more bytes */
        if (status != -1 && settled == -2)
            settled = status;
    }
    return 0;
}
