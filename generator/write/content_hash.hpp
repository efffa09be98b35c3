#pragma once
// 64-bit content hashes (XXH3 from libxxhash) for the incremental build: inputs, outputs and fingerprints.
// Not cryptographic: they tell a changed file from an unchanged one, nothing more.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace gongkai {

// The hash of `bytes`.
std::uint64_t content_hash(std::string_view bytes);

// Accumulates values into one hash (for fingerprints); the result depends on the order of the calls. It is
// content_hash of the values' bytes in order; long inputs are hashed as they come, never held whole.
class HashBuilder {
public:
    HashBuilder();
    ~HashBuilder();
    HashBuilder(HashBuilder&&) noexcept;
    HashBuilder& operator=(HashBuilder&&) noexcept;
    HashBuilder& add(std::string_view text);  // length-prefixed, so "ab"+"c" differs from "a"+"bc"
    HashBuilder& add(std::uint64_t value);
    std::uint64_t done() const;

private:
    void spill();          // moves the buffered bytes into the running state
    std::string buffer_;   // the bytes not yet hashed
    struct State;
    std::unique_ptr<State> state_;  // the running hash, once the input outgrew the buffer
};

// What tells this program's builds apart: the size and modification time of the running executable, hashed.
// Outputs and caches made by another build of gongkai are not reused.
std::uint64_t program_fingerprint();

// 16 lower-case hex digits.
std::string hash_hex(std::uint64_t h);

}  // namespace gongkai
