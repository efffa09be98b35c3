#include "import/source/pdf_reader.hpp"

#include <chrono>
#include <cmath>
#include <iostream>
#include <memory>
#include <mutex>

#include <ErrorCodes.h>
#include <GfxState.h>
#include <GlobalParams.h>
#include <PDFDoc.h>
#include <TextOutputDev.h>

#include "import/source/import_error.hpp"

namespace gongkai::import {

namespace {

using Clock = std::chrono::steady_clock;

// Poppler's global state is created once and its messages about damaged files are silenced: the importer
// reports its own, clearer reason.
void init_poppler() {
    static std::once_flag once;
    std::call_once(once, [] {
        globalParams = std::make_unique<GlobalParams>();
        globalParams->setErrQuiet(true);
        setErrorCallback([](ErrorCategory, Goffset, const char*) {});
    });
}

// Collects the page's words (through TextOutputDev) and, at the same time, the axis-aligned line segments
// that draw the table grid: stroked segments and thin filled rectangles.
class WordsAndRules : public TextOutputDev {
public:
    WordsAndRules() : TextOutputDev(nullptr, false, 0, false, false) {}
    std::vector<Rule> rules;

    void stroke(GfxState* state) override {
        TextOutputDev::stroke(state);
        const GfxPath* path = state->getPath();
        const double half = std::max(0.1, state->getTransformedLineWidth() / 2);
        for (int i = 0; i < path->getNumSubpaths(); ++i) {
            const GfxSubpath* sub = path->getSubpath(i);
            for (int j = 1; j < sub->getNumPoints(); ++j) {
                if (sub->getCurve(j)) continue;
                add_segment(state, sub->getX(j - 1), sub->getY(j - 1), sub->getX(j), sub->getY(j), half);
            }
            if (sub->isClosed() && sub->getNumPoints() > 2)
                add_segment(state, sub->getX(sub->getNumPoints() - 1), sub->getY(sub->getNumPoints() - 1), sub->getX(0),
                            sub->getY(0), half);
        }
    }
    void fill(GfxState* state) override {
        TextOutputDev::fill(state);
        collect_thin_rectangles(state);
    }
    void eoFill(GfxState* state) override {
        TextOutputDev::eoFill(state);
        collect_thin_rectangles(state);
    }

private:
    void add_segment(GfxState* state, double ax, double ay, double bx, double by, double half) {
        double x0, y0, x1, y1;
        state->transform(ax, ay, &x0, &y0);
        state->transform(bx, by, &x1, &y1);
        if (std::abs(y0 - y1) < 0.5 && std::abs(x0 - x1) >= 1)
            rules.push_back(Rule{Box{std::min(x0, x1), y0 - half, std::max(x0, x1), y0 + half}});
        else if (std::abs(x0 - x1) < 0.5 && std::abs(y0 - y1) >= 1)
            rules.push_back(Rule{Box{x0 - half, std::min(y0, y1), x0 + half, std::max(y0, y1)}});
    }
    // A filled rectangle thinner than 3 points is a drawn line (many producers draw grids this way).
    void collect_thin_rectangles(GfxState* state) {
        const GfxPath* path = state->getPath();
        for (int i = 0; i < path->getNumSubpaths(); ++i) {
            const GfxSubpath* sub = path->getSubpath(i);
            if (sub->getNumPoints() < 4 || sub->getNumPoints() > 5) continue;
            double xmin = 1e18, ymin = 1e18, xmax = -1e18, ymax = -1e18;
            bool curved = false;
            for (int j = 0; j < sub->getNumPoints(); ++j) {
                if (sub->getCurve(j)) curved = true;
                double x, y;
                state->transform(sub->getX(j), sub->getY(j), &x, &y);
                xmin = std::min(xmin, x), xmax = std::max(xmax, x), ymin = std::min(ymin, y), ymax = std::max(ymax, y);
            }
            if (curved) continue;
            const double w = xmax - xmin, h = ymax - ymin;
            if ((h < 3 && w >= 1) || (w < 3 && h >= 1)) rules.push_back(Rule{Box{xmin, ymin, xmax, ymax}});
        }
    }
};

struct Deadline {
    Clock::time_point end;
    bool passed() const { return Clock::now() > end; }
};

bool abort_check(void* data) { return static_cast<Deadline*>(data)->passed(); }

std::string open_failure(int code) {
    switch (code) {
        case errEncrypted: return "the PDF is encrypted and needs a password to be read";
        case errOpenFile: return "the file cannot be opened";
        case errBadCatalog: return "the PDF is damaged: its catalog cannot be read";
        case errDamaged: return "the PDF is damaged (truncated or corrupt) and cannot be read";
        default: return "the file is not a readable PDF (damaged, truncated or not a PDF at all)";
    }
}

}  // namespace

std::vector<SourcePage> read_pdf_pages(const std::string& path, const PdfLimits& limits) {
    init_poppler();
    Deadline deadline{Clock::now() + std::chrono::milliseconds(static_cast<long>(limits.max_seconds * 1000))};
    auto doc = std::make_unique<PDFDoc>(std::make_unique<GooString>(path));
    if (!doc->isOk()) throw ImportError(open_failure(doc->getErrorCode()));
    const int n = doc->getNumPages();
    if (n <= 0) throw ImportError("the PDF has no readable pages (its page tree is empty or damaged)");
    if (n > limits.max_pages)
        throw ImportError("the PDF has " + std::to_string(n) + " pages; a 部门决算 has far fewer (limit " +
                          std::to_string(limits.max_pages) + ")");
    std::vector<SourcePage> pages;
    for (int i = 1; i <= n; ++i) {
        if (deadline.passed()) throw ImportError("reading the PDF took longer than the time limit");
        Page* page = doc->getPage(i);
        if (!page) throw ImportError("page " + std::to_string(i) + " of the PDF cannot be read (damaged page tree)");
        WordsAndRules dev;
        doc->displayPage(&dev, i, 72, 72, 0, false, false, false, abort_check, &deadline);
        if (deadline.passed()) throw ImportError("reading the PDF took longer than the time limit");
        SourcePage sp;
        sp.number = i;
        const bool rotated = (doc->getPageRotate(i) % 180) != 0;
        sp.width = rotated ? doc->getPageMediaHeight(i) : doc->getPageMediaWidth(i);
        sp.height = rotated ? doc->getPageMediaWidth(i) : doc->getPageMediaHeight(i);
        TextPage* text = dev.takeText();
        auto words = text->makeWordList(false);
        for (int w = 0; w < words->getLength(); ++w) {
            TextWord* word = words->get(w);
            std::unique_ptr<GooString> s(word->getText());
            Word out;
            out.text = s->toStr();
            word->getBBox(&out.box.x0, &out.box.y0, &out.box.x1, &out.box.y1);
            if (!out.text.empty()) sp.words.push_back(std::move(out));
        }
        text->decRefCnt();
        sp.rules = std::move(dev.rules);
        pages.push_back(std::move(sp));
    }
    return pages;
}

nlohmann::json pages_to_json(const std::vector<SourcePage>& pages) {
    auto round2 = [](double v) { return std::round(v * 100) / 100; };
    nlohmann::json out = nlohmann::json::array();
    for (const auto& p : pages) {
        nlohmann::json words = nlohmann::json::array(), rules = nlohmann::json::array();
        for (const auto& w : p.words)
            words.push_back({w.text, round2(w.box.x0), round2(w.box.y0), round2(w.box.x1), round2(w.box.y1)});
        for (const auto& r : p.rules)
            rules.push_back({round2(r.box.x0), round2(r.box.y0), round2(r.box.x1), round2(r.box.y1)});
        out.push_back({{"number", p.number}, {"width", p.width}, {"height", p.height}, {"words", words}, {"rules", rules}});
    }
    return out;
}

std::vector<SourcePage> pages_from_json(const nlohmann::json& j) {
    std::vector<SourcePage> pages;
    for (const auto& p : j) {
        SourcePage sp;
        sp.number = p.at("number").get<int>();
        sp.width = p.at("width").get<double>();
        sp.height = p.at("height").get<double>();
        for (const auto& w : p.at("words"))
            sp.words.push_back(Word{w.at(0).get<std::string>(),
                                    Box{w.at(1).get<double>(), w.at(2).get<double>(), w.at(3).get<double>(), w.at(4).get<double>()}});
        for (const auto& r : p.at("rules"))
            sp.rules.push_back(Rule{Box{r.at(0).get<double>(), r.at(1).get<double>(), r.at(2).get<double>(), r.at(3).get<double>()}});
        pages.push_back(std::move(sp));
    }
    return pages;
}

int extract_pdf_main(const std::string& path, const PdfLimits& limits) {
    try {
        auto pages = read_pdf_pages(path, limits);
        std::cout << pages_to_json(pages).dump() << std::flush;
        return 0;
    } catch (const ImportError& e) {
        std::cerr << e.what() << std::flush;
        return 3;
    } catch (const std::exception& e) {
        std::cerr << "the PDF cannot be read: " << e.what() << std::flush;
        return 3;
    }
}

}  // namespace gongkai::import
