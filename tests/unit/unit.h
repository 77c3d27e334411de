/* unit.h - what every cmocka unit test includes: cmocka and the project's internal headers. */
#ifndef SITREP_UNIT_H
#define SITREP_UNIT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "base/base.h"

#endif
