// row_major_gemm.cpp — dnnl_sgemm looked up at run time (see row_major_gemm.h).
#include "train/row_major_gemm.h"

#include <ATen/Parallel.h>
#include <dlfcn.h>

namespace ganarium {

RowMajorGemm::RowMajorGemm() {
    // RTLD_NOLOAD: only a oneDNN that LibTorch already loaded, never a new library.
    void* library = ::dlopen("libdnnl.so.2", RTLD_NOW | RTLD_NOLOAD);
    if (!library) return;
    sgemm_ = reinterpret_cast<Sgemm>(::dlsym(library, "dnnl_sgemm"));
    ::dlclose(library);  // drops only the reference taken above; LibTorch keeps the library loaded
}

bool RowMajorGemm::usable() const { return sgemm_ != nullptr && at::get_num_threads() == 1; }

bool RowMajorGemm::run(bool trans_a, bool trans_b, int64_t m, int64_t n, int64_t k, const float* a, int64_t lda,
                       const float* b, int64_t ldb, float beta, float* c, int64_t ldc) const {
    return sgemm_(trans_a ? 'T' : 'N', trans_b ? 'T' : 'N', m, n, k, 1.0f, a, lda, b, ldb, beta, c, ldc) == 0;
}

}  // namespace ganarium
