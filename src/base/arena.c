/* arena.c - the per-article bump allocator.
 *
 * Chunks are allocated on demand, kept after arena_reset for the next article, and freed only
 * by arena_release. A cap bounds how much one article may use: past it allocation returns
 * NULL so that a hostile input becomes a warning, not an out-of-memory kill.
 */
#include "base.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_ALIGN 16
#define ARENA_MIN_CHUNK (64 * 1024)
/* A block this large gets a chunk of its own, so that growing it (a per-article array that
 * doubles) reallocates that chunk instead of leaving every smaller copy behind. */
#define ARENA_BIG (64 * 1024)

struct arena_chunk {
    arena_chunk *next;
    size_t size; /* usable bytes after the header */
    size_t used;
    size_t last; /* offset of the most recent allocation, for arena_grow */
    max_align_t data[];
};

static size_t align_up(size_t n)
{
    return (n + (ARENA_ALIGN - 1)) & ~(size_t)(ARENA_ALIGN - 1);
}

void arena_init(arena *a, size_t cap)
{
    memset(a, 0, sizeof *a);
    a->cap = cap ? cap : (size_t)1 << 30;
}

static void free_chunks(arena_chunk *c)
{
    while (c) {
        arena_chunk *next = c->next;
        free(c);
        c = next;
    }
}

void arena_release(arena *a)
{
    free_chunks(a->head);
    free_chunks(a->spare);
    free_chunks(a->big);
    memset(a, 0, sizeof *a);
}

void arena_reset(arena *a)
{
    /* Keep the largest chunks for reuse, give the rest back so one huge article does not pin
     * its memory forever. */
    arena_chunk *c = a->head;
    while (c) {
        arena_chunk *next = c->next;
        if (c->size <= ((size_t)16 << 20)) {
            c->used = 0;
            c->last = 0;
            c->next = a->spare;
            a->spare = c;
        } else {
            free(c);
        }
        c = next;
    }
    a->head = NULL;
    free_chunks(a->big);
    a->big = NULL;
    a->used_total = 0;
    a->exhausted = false;
}

/* A block of its own chunk (the chunk's data), linked into a->big. */
static void *big_alloc(arena *a, size_t need)
{
    arena_chunk *c = xmalloc(sizeof *c + need);
    c->size = need;
    c->used = need;
    c->last = 0;
    c->next = a->big;
    a->big = c;
    return c->data;
}

/* The link that points at the big chunk holding block p, or NULL when p is not one. */
static arena_chunk **big_link(arena *a, const void *p)
{
    for (arena_chunk **link = &a->big; *link; link = &(*link)->next)
        if ((const void *)(*link)->data == p)
            return link;
    return NULL;
}

static arena_chunk *new_chunk(arena *a, size_t need)
{
    arena_chunk **link = &a->spare;
    while (*link) {
        if ((*link)->size >= need) {
            arena_chunk *c = *link;
            *link = c->next;
            return c;
        }
        link = &(*link)->next;
    }
    size_t size = ARENA_MIN_CHUNK;
    if (a->head && a->head->size * 2 > size)
        size = a->head->size * 2;
    if (size > (size_t)64 << 20)
        size = (size_t)64 << 20;
    if (size < need)
        size = need;
    arena_chunk *c = xmalloc(sizeof *c + size);
    c->size = size;
    c->used = 0;
    c->last = 0;
    c->next = NULL;
    return c;
}

void *arena_alloc(arena *a, size_t size)
{
    size_t need = align_up(size ? size : 1);
    if (need < size || a->used_total + need > a->cap) {
        a->exhausted = true;
        return NULL;
    }
    if (need >= ARENA_BIG) {
        a->used_total += need;
        if (a->used_total > a->peak)
            a->peak = a->used_total;
        return big_alloc(a, need);
    }
    arena_chunk *c = a->head;
    if (!c || c->size - c->used < need) {
        c = new_chunk(a, need);
        c->next = a->head;
        a->head = c;
    }
    char *p = (char *)c->data + c->used;
    c->last = c->used;
    c->used += need;
    a->used_total += need;
    if (a->used_total > a->peak)
        a->peak = a->used_total;
    return p;
}

void *arena_calloc(arena *a, size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size)
        return NULL;
    void *p = arena_alloc(a, count * size);
    if (p)
        memset(p, 0, count * size);
    return p;
}

void *arena_grow(arena *a, void *old, size_t old_size, size_t new_size)
{
    if (!old)
        return arena_alloc(a, new_size);
    if (new_size <= old_size)
        return old;
    arena_chunk *c = a->head;
    if (c && (char *)c->data + c->last == (char *)old) {
        size_t old_need = c->used - c->last;
        size_t new_need = align_up(new_size);
        if (new_need - old_need + a->used_total > a->cap) {
            a->exhausted = true;
            return NULL;
        }
        if (c->last + new_need <= c->size) {
            a->used_total += new_need - old_need;
            c->used = c->last + new_need;
            if (a->used_total > a->peak)
                a->peak = a->used_total;
            return old;
        }
    }
    arena_chunk **link = align_up(new_size) >= ARENA_BIG ? big_link(a, old) : NULL;
    if (link) {
        size_t old_need = (*link)->size, new_need = align_up(new_size);
        if (new_need - old_need + a->used_total > a->cap) {
            a->exhausted = true;
            return NULL;
        }
        arena_chunk *grown = xrealloc(*link, sizeof *grown + new_need);
        grown->size = grown->used = new_need;
        *link = grown;
        a->used_total += new_need - old_need;
        if (a->used_total > a->peak)
            a->peak = a->used_total;
        return grown->data;
    }
    void *p = arena_alloc(a, new_size);
    if (p)
        memcpy(p, old, old_size);
    return p;
}

void *arena_array_room(arena *a, void *items, size_t count, size_t *cap, size_t size)
{
    if (count < *cap)
        return items;
    size_t n = *cap ? *cap * 2 : 16;
    if (n > SIZE_MAX / size)
        return NULL;
    void *grown = arena_grow(a, items, *cap * size, n * size);
    if (grown)
        *cap = n;
    return grown;
}

char *arena_strndup(arena *a, const char *s, size_t length)
{
    char *p = arena_alloc(a, length + 1);
    if (p) {
        if (length)
            memcpy(p, s, length);
        p[length] = '\0';
    }
    return p;
}

char *arena_printf(arena *a, const char *format, ...)
{
    va_list args, copy;
    va_start(args, format);
    va_copy(copy, args);
    int n = vsnprintf(NULL, 0, format, copy);
    va_end(copy);
    char *p = NULL;
    if (n >= 0 && (p = arena_alloc(a, (size_t)n + 1)) != NULL)
        vsnprintf(p, (size_t)n + 1, format, args);
    va_end(args);
    return p;
}
