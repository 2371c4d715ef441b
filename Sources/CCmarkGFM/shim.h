#ifndef AWSML_CCMARKGFM_SHIM_H
#define AWSML_CCMARKGFM_SHIM_H
/* cmark-gfm core API plus the GFM extensions (tables, strikethrough, ...). */
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#endif
