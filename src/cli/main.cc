#include "cli/app.h"

int main(int argc, char** argv) { return headroom::cli::Run(argc, argv); }
