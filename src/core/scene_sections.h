// scene_sections.h — internal pieces of the scene parser/writer: the keys
// each data family uses and the readers of [data] and run tables.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/scene_parser.h"
#include "core/scene_spec.h"
#include "core/scene_table_reader.h"

namespace ganarium::detail {

// The [data] keys `family` reads (besides `family` itself), in writing order.
std::vector<std::string> dataKeysOfFamily(DataFamily family);

// Reads a [data]-style table (also [run.fixed_data]); csv paths resolve against base_dir
// and are read with options.csv's limits, reporting to options.progress.
DataSpec parseDataTable(const TableReader& reader, const std::string& base_dir, const SceneLoadOptions& options);

// Every key a toy-GAN [[run]] or [defaults] table may hold (fixed_data included).
std::vector<std::string> runKeys();

// Every key a [[run]] table of kind "dirac" may hold.
std::vector<std::string> diracRunKeys();

// Every key a [[run]] table of kind "image_gan" may hold.
std::vector<std::string> imageRunKeys();

// Every key a [[run]] table of kind "cyclegan" may hold (domain_x and domain_y are its data tables).
std::vector<std::string> cycleRunKeys();

// Reads a [[run]] table's [run.domain_x] and [run.domain_y] tables into a CycleGAN's domains (2D families only).
void parseCycleDomains(const TableReader& run_table, CycleGanSpec& cycle, const std::string& base_dir,
                       const SceneLoadOptions& options);

// Applies the run keys present in the table onto `run`: `kind` first (a new kind starts from its
// defaults), then that kind's keys; keys of another kind are refused (fixed_data excluded).
void applyRunKeys(const TableReader& reader, RunSpec& run);

// Reads the `lesson` table ([[lesson.step]] tables) of a scene whose runs are already read, checking each
// step against them (lesson_parser.cpp).
std::shared_ptr<const LessonSpec> parseLesson(const toml::node& node, const SceneSpec& scene, const std::string& file);

}  // namespace ganarium::detail
