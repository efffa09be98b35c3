#include "write/content_hash.hpp"

#include <cstdio>
#include <random>

#include <sys/stat.h>

#define XXH_STATIC_LINKING_ONLY  // XXH3_state_t by value
#include <xxhash.h>

namespace gongkai {

std::uint64_t content_hash(std::string_view bytes) { return XXH3_64bits(bytes.data(), bytes.size()); }

namespace {
constexpr std::size_t kSpillAt = 1 << 16;  // fingerprints stay below it: one XXH3 call on the buffer
}

struct StreamingHash::State {
    XXH3_state_t xxh;
};

StreamingHash::StreamingHash() : state_(std::make_unique<State>()) { XXH3_64bits_reset(&state_->xxh); }
StreamingHash::~StreamingHash() = default;
StreamingHash::StreamingHash(const StreamingHash& other) : state_(std::make_unique<State>(*other.state_)) {}
StreamingHash::StreamingHash(StreamingHash&&) noexcept = default;
StreamingHash& StreamingHash::operator=(StreamingHash&&) noexcept = default;

void StreamingHash::update(std::string_view bytes) { XXH3_64bits_update(&state_->xxh, bytes.data(), bytes.size()); }

std::uint64_t StreamingHash::digest() const { return XXH3_64bits_digest(&state_->xxh); }

void HashBuilder::spill() {
    if (!stream_) stream_.emplace();
    stream_->update(buffer_);
    buffer_.clear();
}

HashBuilder& HashBuilder::add(std::string_view text) {
    add(static_cast<std::uint64_t>(text.size()));
    if (buffer_.size() + text.size() > kSpillAt) {
        spill();
        stream_->update(text);
    } else buffer_.append(text);
    return *this;
}

HashBuilder& HashBuilder::add(std::uint64_t value) {
    for (int i = 0; i < 8; ++i) buffer_.push_back(static_cast<char>((value >> (8 * i)) & 0xff));
    if (buffer_.size() > kSpillAt) spill();
    return *this;
}

// The streaming and the one-call XXH3 give the same hash of the same bytes.
std::uint64_t HashBuilder::done() const {
    if (!stream_) return content_hash(buffer_);
    StreamingHash rest = *stream_;
    rest.update(buffer_);
    return rest.digest();
}

std::uint64_t program_fingerprint() {
    struct stat st;
    if (::stat("/proc/self/exe", &st) != 0) {
        // Unknown program: a value no other run gives, so that nothing made by another program is reused.
        static const std::uint64_t unknown = (static_cast<std::uint64_t>(std::random_device{}()) << 32) ^ std::random_device{}();
        return unknown;
    }
    HashBuilder h;
    h.add(static_cast<std::uint64_t>(st.st_size)).add(static_cast<std::uint64_t>(st.st_mtim.tv_sec)).add(static_cast<std::uint64_t>(st.st_mtim.tv_nsec));
    return h.done();
}

std::string hash_hex(std::uint64_t h) {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

}  // namespace gongkai
