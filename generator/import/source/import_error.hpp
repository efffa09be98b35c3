#pragma once
// Why a document cannot be imported: thrown by every import stage, caught by the importer, which reports
// it against the file and writes nothing.
#include <stdexcept>
#include <string>

namespace gongkai::import {

class ImportError : public std::runtime_error {
public:
    // `reason` is a complete sentence for the user, e.g. "the PDF is encrypted".
    explicit ImportError(const std::string& reason) : std::runtime_error(reason) {}
};

}  // namespace gongkai::import
