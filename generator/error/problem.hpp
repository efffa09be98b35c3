#pragma once
// One error type for the whole pipeline: every problem names the input file, the JSON pointer of the
// offending value (empty for file-level problems), what was expected and what was found.
#include <stdexcept>
#include <string>
#include <vector>

namespace gongkai {

struct Problem {
    std::string file;      // path of the input file as given on the command line
    std::string pointer;   // RFC 6901 JSON pointer, "" for the whole file
    std::string expected;  // what the format requires
    std::string found;     // what the input holds
    std::string context;   // optional extra explanation (line:column for syntax errors)

    // Renders "file: /pointer: expected X, found Y (context)" on one line.
    std::string to_string() const;
};

// Collects problems; the pipeline keeps going so that every problem is reported at once.
class ProblemList {
public:
    void add(Problem p) { problems_.push_back(std::move(p)); }
    void append(const ProblemList& other);
    bool empty() const { return problems_.empty(); }
    std::size_t size() const { return problems_.size(); }
    const std::vector<Problem>& items() const { return problems_; }
    // Sorted by file then pointer, so that reports are deterministic.
    void sort();

private:
    std::vector<Problem> problems_;
};

// Thrown when a stage cannot continue; carries every problem found so far.
class BuildFailed : public std::runtime_error {
public:
    explicit BuildFailed(ProblemList problems);
    const ProblemList& problems() const { return problems_; }

private:
    ProblemList problems_;
};

// Quotes a value for messages: strings in quotes, long values shortened.
std::string describe_found(const std::string& raw);

}  // namespace gongkai
