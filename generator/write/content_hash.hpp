#pragma once
// 64-bit content hashes (XXH3 from libxxhash) for the incremental build: inputs, outputs and fingerprints.
// Not cryptographic: they tell a changed file from an unchanged one, nothing more.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace gongkai {

// The hash of `bytes`.
std::uint64_t content_hash(std::string_view bytes);

// content_hash of bytes given in pieces: the same value as content_hash of their concatenation, without
// holding them.
class StreamingHash {
public:
    StreamingHash();
    ~StreamingHash();
    StreamingHash(const StreamingHash& other);  // the same running hash, continued apart
    StreamingHash(StreamingHash&&) noexcept;
    StreamingHash& operator=(StreamingHash&&) noexcept;
    void update(std::string_view bytes);
    std::uint64_t digest() const;  // of every byte so far; more may follow

private:
    struct State;
    std::unique_ptr<State> state_;
};

// Accumulates values into one hash (for fingerprints); the result depends on the order of the calls. It is
// content_hash of the values' bytes in order; long inputs are hashed as they come, never held whole.
class HashBuilder {
public:
    HashBuilder& add(std::string_view text);  // length-prefixed, so "ab"+"c" differs from "a"+"bc"
    HashBuilder& add(std::uint64_t value);
    std::uint64_t done() const;

private:
    void spill();          // moves the buffered bytes into the running hash
    std::string buffer_;   // the bytes not yet hashed
    std::optional<StreamingHash> stream_;  // the running hash, once the input outgrew the buffer
};

// What tells this program's builds apart: the size and modification time of the running executable, hashed.
// Outputs and caches made by another build of gongkai are not reused.
std::uint64_t program_fingerprint();

// 16 lower-case hex digits.
std::string hash_hex(std::uint64_t h);

}  // namespace gongkai
