#pragma once
// The file a fuzz target hands its input to, for readers that take a path: one per process, on /dev/shm (no
// disk writes per input), removed at exit.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include <unistd.h>

namespace gongkai::fuzz {

class InputFile {
public:
    // `name` tells the targets' files apart; `extension` is what the reader looks at (".json", ".pdf", ".txt").
    InputFile(const char* name, const char* extension)
        : path_("/dev/shm/gongkai-fuzz-" + std::string(name) + "-" + std::to_string(::getpid()) + extension) {}
    ~InputFile() { std::remove(path_.c_str()); }
    InputFile(const InputFile&) = delete;
    InputFile& operator=(const InputFile&) = delete;

    // Replaces the file's bytes with the input; false when it cannot be written (the input is then skipped).
    bool write(const std::uint8_t* data, std::size_t size) const {
        std::FILE* f = std::fopen(path_.c_str(), "wb");
        if (!f) return false;
        const bool whole = std::fwrite(data, 1, size, f) == size;
        return std::fclose(f) == 0 && whole;
    }
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

}  // namespace gongkai::fuzz
