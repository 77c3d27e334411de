/* vocab.c (lexicon) - the vocabulary: folded token text -> dense id.
 *
 * Dictionary phrases and article tokens are folded the same way (lower case, one apostrophe,
 * one hyphen) and looked up in an open-addressing hash table, so the trie compares ids.
 */
#include "lexicon.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>

struct vocab {
    uint32_t *slots; /* id + 1, 0 = empty */
    size_t nslots;   /* power of two */
    uint64_t *hashes;
    uint32_t *offsets; /* per id: offset into text */
    uint8_t *lengths;
    size_t count, alloc;
    buf text;
};

size_t vocab_fold(const char *s, size_t length, char *out, size_t cap)
{
    size_t n = 0;
    for (size_t i = 0; i < length;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            if (n >= cap)
                return 0;
            out[n++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            i++;
            continue;
        }
        uint32_t cp;
        int len = utf8_decode((const unsigned char *)s + i, length - i, &cp);
        if (len <= 0) {
            if (n >= cap)
                return 0;
            out[n++] = (char)c;
            i++;
            continue;
        }
        i += (size_t)len;
        if (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC)
            cp = '\'';
        else if (cp == 0x2010 || cp == 0x2011)
            cp = '-';
        else
            cp = (uint32_t)u_tolower((UChar32)cp);
        char enc[4];
        int elen = utf8_encode(cp, enc);
        if (n + (size_t)elen > cap)
            return 0;
        memcpy(out + n, enc, (size_t)elen);
        n += (size_t)elen;
    }
    return n;
}

vocab *vocab_new(void)
{
    vocab *v = xcalloc(1, sizeof *v);
    v->nslots = 1024;
    v->slots = xcalloc(v->nslots, sizeof *v->slots);
    buf_init(&v->text, 0);
    return v;
}

void vocab_free(vocab *v)
{
    if (!v)
        return;
    free(v->slots);
    free(v->hashes);
    free(v->offsets);
    free(v->lengths);
    buf_release(&v->text);
    free(v);
}

static uint64_t vocab_hash(const char *s, size_t length)
{
    return hash_bytes(s, length, 0x766f636162ULL);
}

static uint32_t find_slot(const vocab *v, const char *s, size_t length, uint64_t h, size_t *slot)
{
    size_t mask = v->nslots - 1;
    for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
        uint32_t id1 = v->slots[i];
        if (!id1) {
            *slot = i;
            return VOCAB_NONE;
        }
        uint32_t id = id1 - 1;
        if (v->hashes[id] == h && v->lengths[id] == length &&
            memcmp(v->text.data + v->offsets[id], s, length) == 0)
            return id;
    }
}

uint32_t vocab_find(const vocab *v, const char *folded, size_t length)
{
    if (!v || !v->count || length == 0 || length > VOCAB_MAX_TOKEN)
        return VOCAB_NONE;
    size_t slot;
    return find_slot(v, folded, length, vocab_hash(folded, length), &slot);
}

uint32_t vocab_lookup(const vocab *v, const char *s, size_t length)
{
    char folded[VOCAB_MAX_TOKEN];
    size_t n = vocab_fold(s, length, folded, sizeof folded);
    return n ? vocab_find(v, folded, n) : VOCAB_NONE;
}

size_t vocab_size(const vocab *v)
{
    return v ? v->count : 0;
}

static void vocab_rehash(vocab *v)
{
    free(v->slots);
    v->nslots *= 2;
    v->slots = xcalloc(v->nslots, sizeof *v->slots);
    size_t mask = v->nslots - 1;
    for (uint32_t id = 0; id < v->count; id++) {
        size_t i = (size_t)v->hashes[id] & mask;
        while (v->slots[i])
            i = (i + 1) & mask;
        v->slots[i] = id + 1;
    }
}

uint32_t vocab_intern(vocab *v, const char *folded, size_t length)
{
    if (length == 0 || length > VOCAB_MAX_TOKEN)
        return VOCAB_NONE;
    uint64_t h = vocab_hash(folded, length);
    size_t slot;
    uint32_t id = find_slot(v, folded, length, h, &slot);
    if (id != VOCAB_NONE)
        return id;
    if (v->count == v->alloc) {
        v->alloc = v->alloc ? v->alloc * 2 : 1024;
        v->hashes = xrealloc(v->hashes, v->alloc * sizeof *v->hashes);
        v->offsets = xrealloc(v->offsets, v->alloc * sizeof *v->offsets);
        v->lengths = xrealloc(v->lengths, v->alloc * sizeof *v->lengths);
    }
    id = (uint32_t)v->count++;
    v->hashes[id] = h;
    v->offsets[id] = (uint32_t)v->text.len;
    v->lengths[id] = (uint8_t)length;
    if (buf_append(&v->text, folded, length))
        die("vocabulary text too large");
    v->slots[slot] = id + 1;
    if (v->count * 2 > v->nslots)
        vocab_rehash(v);
    return id;
}
