#include "import/importer.hpp"
