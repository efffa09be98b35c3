#pragma once
// The digests of one build kept on disk for the next (".<out>.gongkai-cache/digests" beside --out): for every
// valid filing and budget, its file's stamp, the hash of its bytes, its names (the filing as release_document
// leaves it) and its digest (site/filing_digest.hpp). A command-line build that lets the documents go takes a
// file whose stamp is unchanged from here instead of reading and decoding it, so that a rebuild after one
// change decodes one file. The store is only a cache: one written by another program, damaged or absent is
// ignored, and failing to write it does not fail the build. The build leaves out files modified in the seconds
// before it began (site/site.cpp save_digests), whose stamp could survive a second write.
#include <cstdint>
#include <string>
#include <vector>

#include "site/filing_cache.hpp"

namespace gongkai {

// One entry to store: a loaded filing whose document was let go, with its digest; the summary is given apart
// (the build may have moved it out of the digest into its model).
struct StoredFiling {
    const FileStamp& stamp;
    std::uint64_t hash;
    const Filing& names;
    const FilingDigest& digest;
    const DepartmentSummary& summary;
};

// The path of the store of the site at `out_dir`.
std::string digest_store_path(const std::string& out_dir);

// The entries of the store at `path` (by file path), when it was written by this program (`program`, see
// program_fingerprint) and is whole; else none.
FilingCache::Entries load_digest_store(const std::string& path, std::uint64_t program);

// Writes `entries` as the store at `path` (a new file renamed into place, so that a reader sees the old store
// or the new one). Returns false when it could not be written (the build goes on without it).
bool save_digest_store(const std::string& path, std::uint64_t program, const std::vector<StoredFiling>& entries);

}  // namespace gongkai
