#include "import/importer.hpp"

#include <fstream>
#include <iostream>
#include <sstream>

#include "import/layout/pdf_flow.hpp"
#include "import/layout/text_flow.hpp"
#include "import/source/import_error.hpp"
#include "import/source/pdf_reader.hpp"

namespace gongkai::import {

namespace {

std::string read_bytes(const std::string& path, std::size_t max_bytes) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ImportError("the file cannot be opened");
    std::string bytes;
    char buf[65536];
    while (in.read(buf, sizeof buf) || in.gcount() > 0) {
        bytes.append(buf, static_cast<std::size_t>(in.gcount()));
        if (bytes.size() > max_bytes) throw ImportError("the file is larger than " + std::to_string(max_bytes >> 20) + " MiB");
    }
    return bytes;
}

}  // namespace

Flow read_document_flow(const std::string& path) {
    const std::string head = read_bytes(path, std::size_t{256} << 20);
    if (head.empty()) throw ImportError("the file is empty");
    if (head.find("%PDF-") != std::string::npos && head.find("%PDF-") < 1024) {
        return pdf_flow(read_pdf_isolated(path, PdfLimits{}), path);
    }
    return text_flow(head, path);
}

int print_flow_main(const std::string& path) {
    try {
        const Flow flow = read_document_flow(path);
        for (const auto& l : flow.lines) {
            if (l.kind == FlowLine::Kind::text) {
                std::cout << "T p" << l.page << " | " << l.text << "\n";
            } else {
                std::cout << "R p" << l.page << " g" << l.grid << " |";
                for (const auto& c : l.cells) {
                    std::cout << " " << c.text;
                    if (c.span > 1) std::cout << "{" << c.span << "}";
                    std::cout << " |";
                }
                std::cout << "\n";
            }
        }
        return 0;
    } catch (const ImportError& e) {
        std::cerr << path << ": " << e.what() << "\n";
        return 1;
    }
}

}  // namespace gongkai::import
