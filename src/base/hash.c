/* hash.c - a fast 64-bit hash (content ids, hash tables) and CRC-32 (file checksums).
 *
 * The 64-bit hash mixes 8 bytes at a time with multiply-xorshift steps; it is stable across
 * machines of either endianness because words are assembled byte by byte. CRC-32 is zlib's.
 */
#include "base.h"

#include <zlib.h>

static uint64_t load64(const unsigned char *p)
{
    return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 | (uint64_t)p[3] << 24 |
           (uint64_t)p[4] << 32 | (uint64_t)p[5] << 40 | (uint64_t)p[6] << 48 |
           (uint64_t)p[7] << 56;
}

static uint64_t mix(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

uint64_t hash_bytes(const void *data, size_t length, uint64_t seed)
{
    const unsigned char *p = data;
    uint64_t h = seed ^ (0x9E3779B97F4A7C15ULL * (length + 1));
    while (length >= 8) {
        h = (h ^ mix(load64(p))) * 0x9E3779B97F4A7C15ULL;
        h ^= h >> 29;
        p += 8;
        length -= 8;
    }
    uint64_t tail = 0;
    for (size_t i = 0; i < length; i++)
        tail |= (uint64_t)p[i] << (8 * i);
    h = (h ^ mix(tail ^ length)) * 0x9E3779B97F4A7C15ULL;
    return mix(h);
}

/* zlib's CRC-32 (crc32_z: any length, and zlib picks the fastest code for the machine). */
uint32_t hash_crc32(const void *data, size_t length, uint32_t crc)
{
    return (uint32_t)crc32_z(crc, data, length);
}
