#include "write/content_hash.hpp"

#include <cstdio>

#include <sys/stat.h>

#include <xxhash.h>

namespace gongkai {

std::uint64_t content_hash(std::string_view bytes) { return XXH3_64bits(bytes.data(), bytes.size()); }

HashBuilder& HashBuilder::add(std::string_view text) {
    add(static_cast<std::uint64_t>(text.size()));
    buffer_.append(text);
    return *this;
}

HashBuilder& HashBuilder::add(std::uint64_t value) {
    for (int i = 0; i < 8; ++i) buffer_.push_back(static_cast<char>((value >> (8 * i)) & 0xff));
    return *this;
}

std::uint64_t program_fingerprint() {
    HashBuilder h;
    struct stat st;
    if (::stat("/proc/self/exe", &st) == 0)
        h.add(static_cast<std::uint64_t>(st.st_size)).add(static_cast<std::uint64_t>(st.st_mtim.tv_sec)).add(static_cast<std::uint64_t>(st.st_mtim.tv_nsec));
    return h.done();
}

std::string hash_hex(std::uint64_t h) {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

}  // namespace gongkai
