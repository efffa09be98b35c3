#include "load/json_file.hpp"

#include <cerrno>
#include <cstdint>
#include <limits>
#include <optional>
#include <string_view>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace gongkai {

namespace {

using json = nlohmann::json;

// Builds the document as nlohmann's own DOM parser does, and also notes every member name given twice in one
// object (JSON allows it, but a transcription with two values for one cell is ambiguous): the object being
// filled already holds its names, so no set of names is kept. The JSON pointer of a duplicate is worked out
// only when one occurs.
class DomBuilder {
public:
    explicit DomBuilder(json& root) : root_(root) {}

    bool null() { return put(nullptr); }
    bool boolean(bool v) { return put(v); }
    bool number_integer(json::number_integer_t v) { return put(v); }
    bool number_unsigned(json::number_unsigned_t v) { return put(v); }
    bool number_float(json::number_float_t v, const std::string&) { return put(v); }
    bool string(std::string& v) { return put(std::move(v)); }
    bool binary(json::binary_t& v) { return put(std::move(v)); }
    bool start_object(std::size_t) { return open(json::value_t::object); }
    bool start_array(std::size_t) { return open(json::value_t::array); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }
    bool key(std::string& name) {
        auto& members = open_.back()->get_ref<json::object_t&>();
        auto [it, added] = members.try_emplace(std::move(name));
        member_ = &it->second;
        if (!added) {
            *member_ = nullptr;  // the file is refused; the second value takes the place, as in nlohmann's parser
            duplicates_.push_back(pointer_to(it->first));
        }
        return true;
    }
    template <typename Exception>
    bool parse_error(std::size_t, const std::string&, const Exception& e) {
        throw e;
    }

    // The JSON pointers of the members named twice, in document order.
    const std::vector<std::string>& duplicates() const { return duplicates_; }
    // The pointer of the container holding arrays or objects nested deeper than kMaxJsonDepth, if any.
    const std::optional<std::string>& too_deep() const { return too_deep_; }

private:
    template <typename Value>
    bool put(Value&& v) {
        place(json(std::forward<Value>(v)));
        return true;
    }
    bool open(json::value_t type) {
        if (open_.size() >= kMaxJsonDepth) {  // stops the parse; the pointer is that of the innermost container
            too_deep_ = pointer_to_open();
            return false;
        }
        open_.push_back(place(json(type)));
        return true;
    }
    bool close() {
        open_.pop_back();
        return true;
    }
    json* place(json&& v) {
        if (open_.empty()) {
            root_ = std::move(v);
            return &root_;
        }
        json& parent = *open_.back();
        if (parent.is_array()) {
            auto& elements = parent.get_ref<json::array_t&>();
            elements.push_back(std::move(v));
            return &elements.back();
        }
        *member_ = std::move(v);
        return member_;
    }
    static void append_token(std::string& pointer, std::string_view token) {
        pointer += '/';
        for (char c : token) pointer += c == '~' ? std::string_view("~0") : c == '/' ? std::string_view("~1") : std::string_view(&c, 1);
    }
    // The pointer of the innermost open container.
    std::string pointer_to_open() const {
        std::string pointer;
        for (std::size_t i = 0; i + 1 < open_.size(); ++i) {
            const json& parent = *open_[i];
            if (parent.is_array()) {
                append_token(pointer, std::to_string(parent.size() - 1));
                continue;
            }
            for (const auto& [member, value] : parent.get_ref<const json::object_t&>())
                if (&value == open_[i + 1]) {
                    append_token(pointer, member);
                    break;
                }
        }
        return pointer;
    }
    // The pointer of member `name` of the innermost open object: each open container's place in its parent
    // (the open child is always its parent's last element, or the member just named).
    std::string pointer_to(std::string_view name) const {
        std::string pointer = pointer_to_open();
        append_token(pointer, name);
        return pointer;
    }

    json& root_;
    std::vector<json*> open_;  // the open objects and arrays, outermost first
    json* member_ = nullptr;   // the value of the member named last
    std::vector<std::string> duplicates_;
    std::optional<std::string> too_deep_;
};

}  // namespace

namespace {

enum class ReadOutcome { read, unreadable, too_large };

// Reads the file at `path` into `bytes`, in one read loop, unless it holds more than `max_bytes`: then `size`
// says how many bytes it was found to hold, and no more is read.
ReadOutcome read_bounded(const std::string& path, std::size_t max_bytes, std::string& bytes, std::uint64_t& size) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return ReadOutcome::unreadable;
    struct stat st;
    if (::fstat(fd, &st) == 0 && st.st_size > 0) {
        if (static_cast<std::uint64_t>(st.st_size) > max_bytes) {  // not even read
            ::close(fd);
            size = static_cast<std::uint64_t>(st.st_size);
            return ReadOutcome::too_large;
        }
        bytes.reserve(static_cast<std::size_t>(st.st_size));
    }
    char buffer[65536];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n == 0) break;
        if (n < 0) {
            if (errno == EINTR) continue;
            ::close(fd);
            return ReadOutcome::unreadable;
        }
        bytes.append(buffer, static_cast<std::size_t>(n));
        if (bytes.size() > max_bytes) {  // grown since
            ::close(fd);
            size = bytes.size();
            return ReadOutcome::too_large;
        }
    }
    ::close(fd);
    return ReadOutcome::read;
}

}  // namespace

std::optional<std::string> read_file_bytes(const std::string& path) {
    std::string bytes;
    std::uint64_t size = 0;
    if (read_bounded(path, std::numeric_limits<std::size_t>::max(), bytes, size) != ReadOutcome::read) return std::nullopt;
    return bytes;
}

std::optional<JsonFile> read_json_file(const std::string& path, ProblemList& problems) {
    JsonFile f;
    std::uint64_t size = 0;
    switch (read_bounded(path, kMaxJsonBytes, f.bytes, size)) {
        case ReadOutcome::read: break;
        case ReadOutcome::unreadable:
            problems.add({path, "", "a readable file", "a file that cannot be opened", ""});
            return std::nullopt;
        case ReadOutcome::too_large:
            problems.add({path, "", "a file of at most " + std::to_string(kMaxJsonBytes / (1024 * 1024)) + " MB",
                          "a file of " + std::to_string(size) + " bytes", ""});
            return std::nullopt;
    }
    f.path = path;
    DomBuilder builder(f.doc);
    try {
        if (!nlohmann::json::sax_parse(f.bytes, &builder) && builder.too_deep()) {
            problems.add({path, *builder.too_deep(), "arrays and objects nested at most " + std::to_string(kMaxJsonDepth) + " deep",
                          "deeper nesting", ""});
            return std::nullopt;
        }
    } catch (const nlohmann::json::parse_error& e) {
        // Translate the byte offset into line:column for the message.
        std::size_t line = 1, col = 1;
        for (std::size_t i = 0; i + 1 < e.byte && i < f.bytes.size(); ++i) {
            if (f.bytes[i] == '\n') { ++line; col = 1; } else if ((static_cast<unsigned char>(f.bytes[i]) & 0xC0) != 0x80) { ++col; }
        }
        std::string what = e.what();
        auto colon = what.find(": ", what.find("parse error"));
        std::string detail = colon == std::string::npos ? what : what.substr(colon + 2);
        problems.add({path, "", "well-formed JSON", "a syntax error: " + detail,
                      "line " + std::to_string(line) + ", column " + std::to_string(col)});
        return std::nullopt;
    } catch (const nlohmann::json::exception& e) {
        // e.g. a number too large for any numeric type (1e400)
        std::string what = e.what();
        auto bracket = what.find("] ");
        problems.add({path, "", "JSON that can be read", bracket == std::string::npos ? what : what.substr(bracket + 2), ""});
        return std::nullopt;
    }
    for (const auto& d : builder.duplicates())
        problems.add({path, d, "each member name once per object", "a second member with this name", ""});
    if (!builder.duplicates().empty()) return std::nullopt;
    return f;
}

}  // namespace gongkai
