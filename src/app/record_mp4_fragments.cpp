// record_mp4_fragments.cpp — top-level ISO-BMFF box walk and truncation.
#include "app/record_mp4_fragments.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>

namespace ganarium {

namespace {

// Reads exactly `n` bytes at `offset`; false at the end of the file or on an error.
bool readAt(int fd, uint64_t offset, unsigned char* out, size_t n) {
    while (n > 0) {
        const ssize_t got = ::pread(fd, out, n, static_cast<off_t>(offset));
        if (got <= 0) return false;
        out += got;
        n -= static_cast<size_t>(got);
        offset += static_cast<uint64_t>(got);
    }
    return true;
}

uint64_t bigEndian(const unsigned char* p, int bytes) {
    uint64_t v = 0;
    for (int i = 0; i < bytes; ++i) v = (v << 8) | p[i];
    return v;
}

}  // namespace

int64_t trimToCompleteFragments(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDWR | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) return -1;
    struct stat st{};
    if (::fstat(fd, &st) != 0) {
        ::close(fd);
        return -1;
    }
    const uint64_t size = static_cast<uint64_t>(st.st_size);
    uint64_t offset = 0, keep = 0;
    int64_t fragments = 0;
    bool moof_open = false;
    for (;;) {
        unsigned char header[16];
        if (offset + 8 > size || !readAt(fd, offset, header, 8)) break;
        uint64_t box = bigEndian(header, 4);
        uint64_t header_size = 8;
        if (box == 1) {  // 64-bit size follows the type
            if (offset + 16 > size || !readAt(fd, offset + 8, header + 8, 8)) break;
            box = bigEndian(header + 8, 8);
            header_size = 16;
        } else if (box == 0) {
            box = size - offset;  // "to the end of the file": complete only if ffmpeg finished it
        }
        if (box < header_size || offset + box > size) break;  // cut off inside this box
        const bool is_moof = std::memcmp(header + 4, "moof", 4) == 0;
        const bool is_mdat = std::memcmp(header + 4, "mdat", 4) == 0;
        offset += box;
        if (is_moof) {
            moof_open = true;
        } else if (is_mdat && moof_open) {
            moof_open = false;
            ++fragments;
            keep = offset;
        } else if (!moof_open) {
            keep = offset;  // ftyp, moov, mfra: whole boxes outside a fragment
        }
    }
    if (fragments > 0 && keep < size && ::ftruncate(fd, static_cast<off_t>(keep)) != 0) fragments = -1;
    ::close(fd);
    return fragments;
}

}  // namespace ganarium
