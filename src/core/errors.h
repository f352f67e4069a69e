// errors.h — the one exception type for user mistakes (bad scene, missing
// file or dataset). Its message is written for the user and says the fix.
#pragma once

#include <stdexcept>
#include <string>

namespace ganarium {

// A user-facing error: what() is a complete sentence with the fix.
class UserError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A scene-file error; what() reads "FILE:LINE: key 'x': problem (did you mean 'y'?)".
class SceneError : public UserError {
public:
    using UserError::UserError;
};

}  // namespace ganarium
