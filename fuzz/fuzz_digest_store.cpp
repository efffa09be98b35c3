// libFuzzer target: the reader of the digest store (site/digest_store load_digest_store), the cache a build keeps
// beside --out. A store is only used when its content hash matches, so random bytes would stop there: the input
// is the store's body after its magic line and program fingerprint (the entry count, then the entries), and the
// target writes it out as a whole store of this program with a valid hash (an input that begins with the magic
// line is written as it is instead, to reach the checks before the body). Whatever the bytes, the load returns
// the entries or none, never a crash, a hang, a sanitizer report or an exception; what it loads, saved again
// and reloaded, gives the same entries.
//
// Seeds: with GONGKAI_FUZZ_SEED_OUT=DIR in the environment, the target instead writes one seed per filing named
// on its command line (real filings, decoded and digested as a build does, saved with save_digest_store), and
// one store of no entries, to DIR, and exits (fuzz/run.sh does this once).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <unistd.h>

#include "load/json_file.hpp"
#include "site/digest_store.hpp"
#include "site/filing_digest.hpp"
#include "validate/decode_filing.hpp"
#include "write/content_hash.hpp"

#include "filing_place.hpp"

using namespace gongkai;

namespace {

constexpr std::string_view kMagic = "gongkai-digests/1\n";  // as in site/digest_store.cpp

std::string u64_bytes(std::uint64_t u) {
    std::string b(8, '\0');
    for (int i = 0; i < 8; ++i) b[i] = static_cast<char>((u >> (8 * i)) & 0xff);
    return b;
}

bool write_file(const std::string& path, std::string_view bytes) {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) return false;
    const bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
    return std::fclose(f) == 0 && ok;
}

// The files the target writes, removed at exit.
struct Files {
    std::string store = "/dev/shm/gongkai-fuzz-digests-" + std::to_string(::getpid());
    std::string again = store + ".again";
    ~Files() {
        std::remove(store.c_str());
        std::remove(again.c_str());
    }
};

const Files& files() {
    static const Files f;
    return f;
}

[[noreturn]] void violated(const char* what) {
    std::fprintf(stderr, "fuzz-digest-store: property violated: %s\n", what);
    std::abort();
}

// Seed mode: each filing of argv as a one-entry store, then an empty store, as inputs (body only) in `out`.
void write_seeds(const std::string& out, int argc, char** argv) {
    const std::uint64_t program = program_fingerprint();
    auto save = [&](const std::vector<StoredFiling>& entries, const std::string& name) {
        if (!save_digest_store(files().store, program, entries)) return;
        std::optional<std::string> bytes = read_file_bytes(files().store);
        if (!bytes || bytes->size() < kMagic.size() + 16) return;
        const std::string body = bytes->substr(kMagic.size() + 8, bytes->size() - kMagic.size() - 16);
        if (write_file(out + "/" + name, body)) std::fprintf(stderr, "fuzz-digest-store: seed %s (%zu bytes)\n", name.c_str(), body.size());
    };
    save({}, "empty");
    for (int i = 1; i < argc; ++i) {
        const std::string path = argv[i];
        if (path.empty() || path[0] == '-') continue;  // libFuzzer's flags
        ProblemList problems;
        auto file = read_json_file(path, problems);
        if (!file) continue;
        auto filing = decode_filing(*file, fuzz::place_claimed(file->doc, path), problems);
        auto stamp = file_stamp(path);
        if (!filing || !stamp) continue;
        const bool budget = filing->kind != "决算";
        const FilingDigest digest = digest_filing(*filing, budget);
        release_document(*filing);
        const std::uint64_t hash = content_hash(file->bytes);
        std::string name = path.substr(path.rfind('/') + 1);
        save({StoredFiling{*stamp, hash, *filing, digest, digest.summary}}, name.substr(0, name.size() - 5));
    }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
    if (const char* out = std::getenv("GONGKAI_FUZZ_SEED_OUT")) {
        write_seeds(out, *argc, *argv);
        std::exit(0);
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::uint64_t program = program_fingerprint();
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    std::string bytes;
    if (input.substr(0, kMagic.size()) == kMagic) {
        bytes = input;
    } else {
        bytes.append(kMagic).append(u64_bytes(program)).append(input);
        bytes += u64_bytes(content_hash(bytes));
    }
    if (!write_file(files().store, bytes)) return 0;
    const FilingCache::Entries entries = load_digest_store(files().store, program);  // an exception here is a finding
    if (entries.empty()) return 0;

    // What was loaded saves and loads back the same.
    std::vector<StoredFiling> stored;
    for (const auto& [path, e] : entries) {
        if (e.filing.path != path) return 0;  // the writer keys entries by the filing's path: not a store it wrote
        stored.push_back(StoredFiling{e.stamp, e.hash, e.filing, e.digest, e.digest.summary});
    }
    if (!save_digest_store(files().again, program, stored)) return 0;
    const FilingCache::Entries again = load_digest_store(files().again, program);
    if (again.size() != entries.size()) violated("a loaded store saved again loads another number of entries");
    for (const auto& [path, e] : entries) {
        auto it = again.find(path);
        if (it == again.end() || !(it->second.stamp == e.stamp) || it->second.hash != e.hash ||
            it->second.filing.department_name != e.filing.department_name || it->second.digest.csvs.size() != e.digest.csvs.size() ||
            it->second.digest.line_items != e.digest.line_items)
            violated("a loaded store saved again loads other entries");
    }
    return 0;
}
