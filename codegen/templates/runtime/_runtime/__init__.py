"""The modules every generated package shares, each with one job: ``shapes`` (the generated
classes' base and conversions), ``responses`` (typed results, response diagnosis), ``calls``
(requests and modeled errors), ``session`` (botocore on the sliced model), ``cache`` (the
package's verified cache), ``validation`` (strict validation), ``paging`` (typed pages).

Copied into every package codegen generates; do not edit.
"""
