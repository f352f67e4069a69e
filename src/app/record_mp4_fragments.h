// record_mp4_fragments.h — repairs a fragmented MP4 that was cut off (disk
// full, ffmpeg killed): its top-level boxes are ftyp, moov, then pairs of
// moof + mdat, one per fragment. A file cut inside a moof makes ffmpeg's
// demuxer give up on the whole file, so the file is truncated to the end of
// its last complete fragment. Reads only box headers (a few bytes per box).
#pragma once

#include <cstdint>
#include <string>

namespace ganarium {

// Truncates the fragmented MP4 at `path` after its last complete moof+mdat pair and returns the number
// of complete fragments (0: no playable frame, the file is left as it was). -1 when unreadable.
int64_t trimToCompleteFragments(const std::string& path);

}  // namespace ganarium
