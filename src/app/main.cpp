#include "app/cli.h"

int main(int argc, char** argv) { return techmarket::app::run_cli(argc, argv); }
