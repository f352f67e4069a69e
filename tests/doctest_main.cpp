// doctest_main.cpp — the shared doctest entry point of every test suite,
// compiled once (OBJECT library ganarium_doctest_main) and linked into each.
// LibTorch (with glog) is included first in torch-using suites; this file
// includes neither, so doctest's CHECK stays doctest's here.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
