/* hash.c - a fast 64-bit hash (content ids, hash tables) and CRC-32 (file checksums).
 *
 * The 64-bit hash mixes 8 bytes at a time with multiply-xorshift steps; it is stable across
 * machines of either endianness because words are assembled byte by byte.
 */
#include "base.h"

#include <pthread.h>

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

/* crc_table[k][b]: the CRC of byte b followed by k zero bytes (slicing by 8: eight bytes per
 * step, about six times faster than a byte at a time; model files are megabytes). */
static uint32_t crc_table[8][256];
static pthread_once_t crc_once = PTHREAD_ONCE_INIT;

static void crc_init(void)
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++)
            c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        crc_table[0][i] = c;
    }
    for (uint32_t i = 0; i < 256; i++)
        for (int k = 1; k < 8; k++)
            crc_table[k][i] = crc_table[0][crc_table[k - 1][i] & 0xFF] ^ (crc_table[k - 1][i] >> 8);
}

uint32_t hash_crc32(const void *data, size_t length, uint32_t crc)
{
    pthread_once(&crc_once, crc_init);
    const unsigned char *p = data;
    crc = ~crc;
    for (; length >= 8; p += 8, length -= 8) {
        uint32_t lo = crc ^ ((uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
                             (uint32_t)p[3] << 24);
        crc = crc_table[7][lo & 0xFF] ^ crc_table[6][(lo >> 8) & 0xFF] ^
              crc_table[5][(lo >> 16) & 0xFF] ^ crc_table[4][lo >> 24] ^ crc_table[3][p[4]] ^
              crc_table[2][p[5]] ^ crc_table[1][p[6]] ^ crc_table[0][p[7]];
    }
    for (size_t i = 0; i < length; i++)
        crc = crc_table[0][(crc ^ p[i]) & 0xFF] ^ (crc >> 8);
    return ~crc;
}
