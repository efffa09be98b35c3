#pragma once
// 64-bit content hashes (XXH3 from libxxhash) for the incremental build: inputs, outputs and fingerprints.
// Not cryptographic: they tell a changed file from an unchanged one, nothing more.
#include <cstdint>
#include <string>
#include <string_view>

namespace gongkai {

// The hash of `bytes`.
std::uint64_t content_hash(std::string_view bytes);

// Accumulates values into one hash (for fingerprints); the result depends on the order of the calls.
class HashBuilder {
public:
    HashBuilder& add(std::string_view text);  // length-prefixed, so "ab"+"c" differs from "a"+"bc"
    HashBuilder& add(std::uint64_t value);
    std::uint64_t done() const { return content_hash(buffer_); }

private:
    std::string buffer_;
};

// What tells this program's builds apart: the size and modification time of the running executable, hashed.
// Outputs and caches made by another build of gongkai are not reused.
std::uint64_t program_fingerprint();

// 16 lower-case hex digits.
std::string hash_hex(std::uint64_t h);

}  // namespace gongkai
