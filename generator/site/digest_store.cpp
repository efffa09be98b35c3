#include "site/digest_store.hpp"

#include <algorithm>
#include <cstdio>
#include <stdexcept>
#include <type_traits>

#include <cstdlib>

#include <unistd.h>

#include <boost/filesystem.hpp>

#include "load/json_file.hpp"
#include "write/content_hash.hpp"
#include "write/output_manifest.hpp"
#include "write/staged_output.hpp"

namespace fs = boost::filesystem;

namespace gongkai {

namespace {

constexpr std::string_view kMagic = "gongkai-digests/1\n";

// Each stored type lists its fields once, in `fields`, for the writer and the reader alike.
template <typename A> void fields(A& a, CountyRef& c) { a(c.name, c.code, c.province); }
template <typename A> void fields(A& a, Source& s) { a(s.title, s.publisher, s.url, s.file, s.published); }
template <typename A> void fields(A& a, GlossaryEntry& g) { a(g.term, g.definition); }
// The filing as release_document leaves it: everything but the document.
template <typename A> void fields(A& a, Filing& f) {
    a(f.path, f.county_dir, f.county, f.department_name, f.slug, f.year, f.kind, f.unit, f.synthetic, f.source, f.glossary);
}
template <typename A> void fields(A& a, ClassAmount& c) { a(c.code, c.name, c.micro); }
template <typename A> void fields(A& a, ThreePublicLine& l) { a(l.key, l.name, l.budget, l.actual); }
template <typename A> void fields(A& a, DepartmentSummary& s) {
    a(s.grand_total, s.total_income, s.total_expenditure, s.fiscal_total, s.basic, s.project, s.personnel, s.public_funds,
      s.three_public_budget, s.three_public_actual, s.three_public, s.function_classes, s.economic_classes, s.spending_classes,
      s.key_economic, s.vehicle_operation, s.operating_cost, s.staff_actual, s.vehicles_actual);
}
template <typename A> void fields(A& a, YoyLine& l) { a(l.label, l.current, l.prior, l.change, l.pct_micro, l.stated, l.sentence, l.metric); }
template <typename A> void fields(A& a, YearOverYear& y) { a(y.source, y.prior_year, y.lines); }
template <typename A> void fields(A& a, TableCsv& c) { a(c.table, c.block, c.name); }
template <typename A> void fields(A& a, SearchDigest& s) { a(s.items, s.spending_table); }
template <typename A> void fields(A& a, FileStamp& s) { a(s.size, s.inode, s.device, s.mtime_ns, s.ctime_ns); }

// Integers as 8 little-endian bytes, strings and vectors with their length first, optionals with a flag. The
// bytes go to `file` in blocks of a megabyte, hashed on the way (as content_hash), so that the store is
// never held whole in memory.
class Writer {
public:
    explicit Writer(std::FILE* file) : file_(file) {}
    template <typename... T>
    void operator()(const T&... values) { (put(values), ...); }
    void raw(std::string_view bytes) {
        buffer_.append(bytes);
        if (buffer_.size() >= (1u << 20)) flush();
    }
    // Writes what is buffered; false once any write failed.
    bool flush() {
        hash_.update(buffer_);
        ok_ = ok_ && std::fwrite(buffer_.data(), 1, buffer_.size(), file_) == buffer_.size();
        buffer_.clear();
        return ok_;
    }
    // The hash of every byte written so far (after flush()).
    std::uint64_t hash() const { return hash_.digest(); }

private:
    void put(const std::string& s) {
        put(static_cast<std::uint64_t>(s.size()));
        raw(s);
    }
    template <typename T>
    void put(const std::optional<T>& o) {
        put(o.has_value());
        if (o) put(*o);
    }
    template <typename T>
    void put(const std::vector<T>& v) {
        put(static_cast<std::uint64_t>(v.size()));
        for (const T& x : v) put(x);
    }
    template <typename T>
    void put(const T& x) {
        if constexpr (std::is_enum_v<T>) put(static_cast<std::uint64_t>(x));
        else if constexpr (std::is_integral_v<T>) {
            const auto u = static_cast<std::uint64_t>(x);
            char bytes[8];
            for (int i = 0; i < 8; ++i) bytes[i] = static_cast<char>((u >> (8 * i)) & 0xff);
            raw(std::string_view(bytes, 8));
        } else fields(*this, const_cast<T&>(x));  // fields() only reads through a Writer
    }
    std::FILE* file_;
    std::string buffer_;
    StreamingHash hash_;
    bool ok_ = true;
};

struct Damaged : std::runtime_error {
    Damaged() : std::runtime_error("damaged digest store") {}
};

// Reads what Writer wrote; any value that does not fit the bytes left throws Damaged.
class Reader {
public:
    explicit Reader(std::string_view bytes) : rest_(bytes) {}
    template <typename... T>
    void operator()(T&... values) { (get(values), ...); }
    bool done() const { return rest_.empty(); }

private:
    std::uint64_t u64() {
        if (rest_.size() < 8) throw Damaged();
        std::uint64_t u = 0;
        for (int i = 0; i < 8; ++i) u |= static_cast<std::uint64_t>(static_cast<unsigned char>(rest_[i])) << (8 * i);
        rest_.remove_prefix(8);
        return u;
    }
    std::size_t length() {
        std::uint64_t n = u64();
        if (n > rest_.size()) throw Damaged();  // every element takes at least one byte
        return static_cast<std::size_t>(n);
    }
    void get(std::string& s) {
        std::size_t n = length();
        s.assign(rest_.data(), n);
        rest_.remove_prefix(n);
    }
    template <typename T>
    void get(std::optional<T>& o) {
        bool present = false;
        get(present);
        if (present) get(o.emplace());
        else o.reset();
    }
    template <typename T>
    void get(std::vector<T>& v) {
        v.resize(length());
        for (T& x : v) get(x);
    }
    template <typename T>
    void get(T& x) {
        if constexpr (std::is_same_v<T, bool>) {
            std::uint64_t u = u64();
            if (u > 1) throw Damaged();
            x = u == 1;
        } else if constexpr (std::is_enum_v<T> || std::is_integral_v<T>) x = static_cast<T>(u64());
        else fields(*this, x);
    }
    std::string_view rest_;
};

}  // namespace

std::string digest_store_path(const std::string& out_dir) { return cache_dir_of(out_dir) + "/digests"; }

// Layout: the magic line, the program's fingerprint, the number of entries, each entry (path, stamp, hash,
// names, digest), and last the content hash of everything before it.
FilingCache::Entries load_digest_store(const std::string& path, std::uint64_t program) {
    FilingCache::Entries entries;
    std::optional<std::string> bytes = read_file_bytes(path);
    if (!bytes || bytes->size() < kMagic.size() + 8 || bytes->compare(0, kMagic.size(), kMagic) != 0) return entries;
    std::string_view body(*bytes);
    body.remove_suffix(8);
    std::uint64_t stored_hash = 0;
    Reader(std::string_view(*bytes).substr(body.size()))(stored_hash);
    if (stored_hash != content_hash(body)) return entries;
    try {
        Reader in(body.substr(kMagic.size()));
        std::uint64_t written_by = 0, count = 0;
        in(written_by);
        if (written_by != program) return entries;
        in(count);
        entries.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(count, body.size() / 64)));
        for (std::uint64_t k = 0; k < count; ++k) {
            std::string file;
            CachedFiling e;
            FilingDigest& d = e.digest;
            in(file, e.stamp, e.hash, e.filing, d.summary, d.stated_yoy, d.csvs, d.line_items, d.search);
            entries.insert_or_assign(std::move(file), std::move(e));
        }
        if (!in.done()) throw Damaged();
    } catch (const Damaged&) {
        return {};
    }
    return entries;
}

bool save_digest_store(const std::string& path, std::uint64_t program, const std::vector<StoredFiling>& entries) {
    boost::system::error_code ec;
    const fs::path folder = fs::path(path).parent_path();
    fs::create_directories(folder, ec);
    // Temporaries of writers that were killed (their process is gone) are removed.
    const std::string prefix = fs::path(path).filename().string() + ".new-";
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.rfind(prefix, 0) != 0) continue;
        const long pid = std::strtol(name.c_str() + prefix.size(), nullptr, 10);
        if (pid > 0 && !leftover_owner_running(pid)) fs::remove(it->path(), ec);
    }
    const std::string temporary = path + ".new-" + std::to_string(::getpid());
    std::FILE* f = std::fopen(temporary.c_str(), "wb");
    if (!f) return false;
    Writer out(f);
    out.raw(kMagic);
    out(program, static_cast<std::uint64_t>(entries.size()));
    for (const StoredFiling& e : entries) {
        const FilingDigest& d = e.digest;
        out(e.names.path, e.stamp, e.hash, e.names, e.summary, d.stated_yoy, d.csvs, d.line_items, d.search);  // as read above
    }
    out.flush();
    out(out.hash());
    const bool written = out.flush();
    if (std::fclose(f) != 0 || !written || std::rename(temporary.c_str(), path.c_str()) != 0) {
        std::remove(temporary.c_str());
        return false;
    }
    return true;
}

}  // namespace gongkai
