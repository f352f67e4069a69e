// command.cpp — which commands edit the scene, and the custom-data edits
// (drawn blobs and points) the trainer applies.
#include "core/command.h"

namespace ganarium {

namespace {
// `current` if it already is `family`, else an empty spec of that family.
DataSpec ofFamily(const DataSpec& current, DataFamily family) {
    if (current.family == family) return current;
    DataSpec fresh;
    fresh.family = family;
    return fresh;
}
}  // namespace

bool changesScene(Command::Kind kind) {
    using K = Command::Kind;
    switch (kind) {
        case K::Reseed:
        case K::SetRun:
        case K::SetData:
        case K::AddBlob:
        case K::AddPoints:
        case K::ClearData:
        case K::LoadScene:
        case K::RestartFrom:
        case K::SetTitle:
        case K::PickTile: return true;
        default: return false;
    }
}

DataSpec customDataAfter(const DataSpec& current, const Command& command) {
    using K = Command::Kind;
    DataSpec next = current;
    switch (command.kind) {
        case K::AddBlob:
            // A blob after painted points keeps them: blobs may carry points (jittered by `noise`) too.
            if (current.family == DataFamily::Points2D) {
                next.family = DataFamily::Blobs2D;
                next.csv_path.clear();
            } else {
                next = ofFamily(current, DataFamily::Blobs2D);
            }
            next.means.push_back(command.x);
            next.means.push_back(command.y);
            next.stds.push_back(command.std);
            next.weights.push_back(1.0);
            break;
        case K::AddPoints:
            // Points painted over blobs join them; otherwise they start (or extend) a point set.
            if (current.family != DataFamily::Blobs2D) next = ofFamily(current, DataFamily::Points2D);
            next.csv_path.clear();  // drawn points are saved inline, not as the old file
            next.points.insert(next.points.end(), command.points.begin(), command.points.end());
            break;
        case K::ClearData:
            if (current.family != DataFamily::Blobs2D) next = ofFamily(current, DataFamily::Points2D);
            next.means.clear();
            next.stds.clear();
            next.weights.clear();
            next.points.clear();
            next.csv_path.clear();
            break;
        default:
            break;
    }
    return next;
}

}  // namespace ganarium
