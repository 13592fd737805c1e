;; The generated books' kernel: `fill` draws a block of lending positions and counts their keys into the
;; lazy heap's buckets (src/engine/wasm/book-kernel.ts), `perps` a block of perpetuals and files them by
;; liquidation price (src/engine/wasm/perps-draws.ts), exactly as the JavaScript they replace did, bit
;; for bit.
;;
;; Why WebAssembly: the book is drawn once per process, so its JavaScript ran mostly before V8 had
;; optimised it (a 1M book: 48-54 ms on the first run in a process, 35-38 on the fourth), and the
;; generator's 64-bit steps cost two 32-bit halves each there. This module is compiled by V8's optimising
;; wasm compiler after a few blocks, with 64-bit integers native. Issue 15: the 1M bench book's whole run
;; went from 238.8 to 224.8 ms (medians of 16 interleaved runs), the kernel's own share of it 4-8 ms;
;; the 1M perpetuals bench books 248.9 -> 226.7 ms and 343.1 -> 317.4 ms (12 each).
;;
;; Every floating-point step is an IEEE operation that JavaScript does the same way (+, -, *, /, sqrt,
;; comparisons, min and max), in the same order; the one that is not, Math.pow for log-scale sizes, is
;; imported from JavaScript itself (V8 calls its own pow for it). test/engine/book-kernel.test.ts and
;; perps-kernel.test.ts hold it to the JavaScript draws (UniformStream, drawSize, drawPeaked,
;; countBuckets, healthyEntry, liquidationPriceOf, RankEntries) over every shape of generator.
;;
;; Scratch memory, one block of BLOCK = 2048 positions at a time (offsets in bytes, book-kernel.ts says
;; the same): collateral f64 at 0, debt f64 at 16384, key f64 at 32768, next-in-bucket i32 at 49152,
;; bucket id u16 at 57344; then, for the whole fill, the 1,024 buckets' counts i32 at 61440, first
;; position i32 at 65536 and largest key f64 at 69632.
;;
;; The perpetuals' book (`perps`, src/engine/perps/generate.ts) has its own scratch, one block of 1,024
;; positions at 131072: size f64 at +0, entry f64 at +8192, margin f64 at +16384; the block's longs filed
;; (index i32 at +24576, key f64 at +28672) and shorts filed (index at +36864, key at +40960); then the
;; block's fold of each side's keys, longs at +49152, shorts at +49184: the least key above -Infinity,
;; the largest below Infinity, the largest (f64 each), whether one is NaN and how many (i32 each).
(module
  (import "math" "pow" (func $pow (param f64 f64) (result f64)))
  (memory (export "memory") 3)

  ;; xoroshiro128+'s state: s0, s1 (pure-rand's [s01, s00, s11, s10] is [hi s0, lo s0, hi s1, lo s1]).
  (global $s0 (mut i64) (i64.const 0))
  (global $s1 (mut i64) (i64.const 0))

  (func (export "seed") (param $a i64) (param $b i64)
    (global.set $s0 (local.get $a))
    (global.set $s1 (local.get $b)))

  ;; One draw: a double in [0, 1) from two xoroshiro128+ steps, 26 bits of the first output and 27 of the
  ;; second (pure-rand's uniformFloat64; an output is the low 32 bits of s0 + s1).
  (func $uniform (result f64)
    (local $s0 i64) (local $s1 i64) (local $high i64) (local $low i64)
    (local.set $s0 (global.get $s0))
    (local.set $s1 (global.get $s1))
    (local.set $high (i64.add (local.get $s0) (local.get $s1)))
    (local.set $s1 (i64.xor (local.get $s1) (local.get $s0)))
    (local.set $s0 (i64.xor (i64.xor (i64.rotl (local.get $s0) (i64.const 24)) (local.get $s1))
                            (i64.shl (local.get $s1) (i64.const 16))))
    (local.set $s1 (i64.rotl (local.get $s1) (i64.const 37)))
    (local.set $low (i64.add (local.get $s0) (local.get $s1)))
    (local.set $s1 (i64.xor (local.get $s1) (local.get $s0)))
    (local.set $s0 (i64.xor (i64.xor (i64.rotl (local.get $s0) (i64.const 24)) (local.get $s1))
                            (i64.shl (local.get $s1) (i64.const 16))))
    (local.set $s1 (i64.rotl (local.get $s1) (i64.const 37)))
    (global.set $s0 (local.get $s0))
    (global.set $s1 (local.get $s1))
    (f64.add
      (f64.mul (f64.convert_i64_u (i64.and (local.get $high) (i64.const 0x3ffffff))) (f64.const 0x1p-26))
      (f64.mul (f64.convert_i64_u (i64.and (local.get $low) (i64.const 0x7ffffff))) (f64.const 0x1p-53))))

  ;; Positions base .. base + n - 1 into the scratch block: for each, collateral then health factor at p0,
  ;; one draw each (drawSize, drawPeaked); debt = collateral * p0 * LT / HF; key = debt / (collateral * LT),
  ;; or -Infinity without debt. When `counting`, each key's bucket (countBuckets' bucketOf) is written, the
  ;; position is linked into its bucket's list, and the bucket's count and largest key are updated; a key
  ;; that is not above -Infinity (none, or NaN) gets the off-heap id 0xffff (and no link: next 0).
  (func (export "fill")
    (param $base i32) (param $n i32)
    (param $sMin f64) (param $sMax f64) (param $log i32)
    (param $hMin f64) (param $hMax f64) (param $hMode f64) (param $peaked i32)
    (param $p0 f64) (param $lt f64)
    (param $counting i32) (param $lo f64) (param $scale f64) (param $top i32)
    (local $j i32) (local $u f64) (local $c f64) (local $h f64) (local $d f64) (local $k f64)
    (local $x f64) (local $b i32) (local $at i32)
    (local $width f64) (local $split f64)
    (local.set $width (f64.sub (local.get $hMax) (local.get $hMin)))
    (local.set $split (f64.div (f64.sub (local.get $hMode) (local.get $hMin)) (local.get $width)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $j) (local.get $n)))
        ;; drawSize
        (local.set $u (call $uniform))
        (local.set $c
          (if (result f64) (local.get $log)
            (then (f64.mul (local.get $sMin)
                           (call $pow (f64.div (local.get $sMax) (local.get $sMin)) (local.get $u))))
            (else (f64.add (local.get $sMin)
                           (f64.mul (f64.sub (local.get $sMax) (local.get $sMin)) (local.get $u))))))
        ;; drawPeaked
        (local.set $u (call $uniform))
        (local.set $h
          (if (result f64) (local.get $peaked)
            (then
              (if (result f64) (f64.lt (local.get $u) (local.get $split))
                (then (f64.add (local.get $hMin)
                        (f64.sqrt (f64.mul (f64.mul (local.get $u) (local.get $width))
                                           (f64.sub (local.get $hMode) (local.get $hMin))))))
                (else (f64.sub (local.get $hMax)
                        (f64.sqrt (f64.mul (f64.mul (f64.sub (f64.const 1) (local.get $u)) (local.get $width))
                                           (f64.sub (local.get $hMax) (local.get $hMode))))))))
            (else (f64.add (local.get $hMin) (f64.mul (local.get $width) (local.get $u))))))
        (local.set $d (f64.div (f64.mul (f64.mul (local.get $c) (local.get $p0)) (local.get $lt)) (local.get $h)))
        (local.set $k
          (if (result f64) (f64.gt (local.get $d) (f64.const 0))
            (then (f64.div (local.get $d) (f64.mul (local.get $c) (local.get $lt))))
            (else (f64.const -inf))))
        (local.set $at (i32.shl (local.get $j) (i32.const 3)))
        (f64.store (local.get $at) (local.get $c))
        (f64.store offset=16384 (local.get $at) (local.get $d))
        (f64.store offset=32768 (local.get $at) (local.get $k))
        (if (local.get $counting)
          (then
            (if (f64.gt (local.get $k) (f64.const -inf))
              (then
                ;; bucketOf: x = (key - lo) * scale; x >= 1 ? (x < top ? floor(x) : top) : 0
                (local.set $x (f64.mul (f64.sub (local.get $k) (local.get $lo)) (local.get $scale)))
                (local.set $b
                  (if (result i32) (f64.ge (local.get $x) (f64.const 1))
                    (then (if (result i32) (f64.lt (local.get $x) (f64.convert_i32_s (local.get $top)))
                            (then (i32.trunc_f64_s (local.get $x)))
                            (else (local.get $top))))
                    (else (i32.const 0))))
                (i32.store16 offset=57344 (i32.shl (local.get $j) (i32.const 1)) (local.get $b))
                (i32.store offset=49152 (i32.shl (local.get $j) (i32.const 2))
                  (i32.load offset=65536 (i32.shl (local.get $b) (i32.const 2))))
                (i32.store offset=65536 (i32.shl (local.get $b) (i32.const 2))
                  (i32.add (local.get $base) (local.get $j)))
                (i32.store offset=61440 (i32.shl (local.get $b) (i32.const 2))
                  (i32.add (i32.load offset=61440 (i32.shl (local.get $b) (i32.const 2))) (i32.const 1)))
                (if (f64.gt (local.get $k) (f64.load offset=69632 (i32.shl (local.get $b) (i32.const 3))))
                  (then (f64.store offset=69632 (i32.shl (local.get $b) (i32.const 3)) (local.get $k)))))
              (else
                (i32.store16 offset=57344 (i32.shl (local.get $j) (i32.const 1)) (i32.const 0xffff))
                (i32.store offset=49152 (i32.shl (local.get $j) (i32.const 2)) (i32.const 0))))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $next))))

  ;; Folds `key` into a side's fold at `acc` as RankEntries.append does, and files it at the side's count.
  (func $file (param $acc i32) (param $idx i32) (param $keys i32) (param $i i32) (param $key f64)
    (local $c i32)
    (local.set $c (i32.load offset=28 (local.get $acc)))
    (i32.store (i32.add (local.get $idx) (i32.shl (local.get $c) (i32.const 2))) (local.get $i))
    (f64.store (i32.add (local.get $keys) (i32.shl (local.get $c) (i32.const 3))) (local.get $key))
    (i32.store offset=28 (local.get $acc) (i32.add (local.get $c) (i32.const 1)))
    (if (f64.ne (local.get $key) (local.get $key)) (then (i32.store offset=24 (local.get $acc) (i32.const 1))))
    (if (i32.and (f64.lt (local.get $key) (f64.load (local.get $acc))) (f64.gt (local.get $key) (f64.const -inf)))
      (then (f64.store (local.get $acc) (local.get $key))))
    (if (i32.and (f64.gt (local.get $key) (f64.load offset=8 (local.get $acc))) (f64.lt (local.get $key) (f64.const inf)))
      (then (f64.store offset=8 (local.get $acc) (local.get $key))))
    (if (f64.gt (local.get $key) (f64.load offset=16 (local.get $acc)))
      (then (f64.store offset=16 (local.get $acc) (local.get $key)))))

  ;; Perpetuals k0 .. k0 + n - 1 of the generator (book positions base ..): for each in turn size
  ;; (drawSize), leverage (drawPeaked), entry (healthyEntry), one draw each; margin = size * entry /
  ;; leverage; a long while k < longs. A position with a size above 0 is filed at its liquidation price
  ;; (liquidationPriceOf), a short's negated. The block's folds start empty.
  (func (export "perps")
    (param $base i32) (param $k0 i32) (param $n i32) (param $longs i32)
    (param $sMin f64) (param $sMax f64) (param $log i32)
    (param $lMin f64) (param $lMax f64) (param $lMode f64) (param $peaked i32)
    (param $p0 f64) (param $spread f64) (param $mm f64)
    (local $j i32) (local $u f64) (local $s f64) (local $lev f64) (local $low f64) (local $high f64)
    (local $entry f64) (local $margin f64) (local $long i32) (local $at i32) (local $acc i32)
    (local $width f64) (local $split f64)
    (local.set $width (f64.sub (local.get $lMax) (local.get $lMin)))
    (local.set $split (f64.div (f64.sub (local.get $lMode) (local.get $lMin)) (local.get $width)))
    (loop $side
      (local.set $acc (i32.add (i32.const 180224) (i32.shl (local.get $j) (i32.const 5))))
      (f64.store (local.get $acc) (f64.const inf))
      (f64.store offset=8 (local.get $acc) (f64.const -inf))
      (f64.store offset=16 (local.get $acc) (f64.const -inf))
      (i32.store offset=24 (local.get $acc) (i32.const 0))
      (i32.store offset=28 (local.get $acc) (i32.const 0))
      (local.set $j (i32.add (local.get $j) (i32.const 1)))
      (br_if $side (i32.lt_u (local.get $j) (i32.const 2))))
    (local.set $j (i32.const 0))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $j) (local.get $n)))
        (local.set $u (call $uniform))
        (local.set $s
          (if (result f64) (local.get $log)
            (then (f64.mul (local.get $sMin)
                           (call $pow (f64.div (local.get $sMax) (local.get $sMin)) (local.get $u))))
            (else (f64.add (local.get $sMin)
                           (f64.mul (f64.sub (local.get $sMax) (local.get $sMin)) (local.get $u))))))
        (local.set $u (call $uniform))
        (local.set $lev
          (if (result f64) (local.get $peaked)
            (then
              (if (result f64) (f64.lt (local.get $u) (local.get $split))
                (then (f64.add (local.get $lMin)
                        (f64.sqrt (f64.mul (f64.mul (local.get $u) (local.get $width))
                                           (f64.sub (local.get $lMode) (local.get $lMin))))))
                (else (f64.sub (local.get $lMax)
                        (f64.sqrt (f64.mul (f64.mul (f64.sub (f64.const 1) (local.get $u)) (local.get $width))
                                           (f64.sub (local.get $lMax) (local.get $lMode))))))))
            (else (f64.add (local.get $lMin) (f64.mul (local.get $width) (local.get $u))))))
        (local.set $long (i32.lt_u (i32.add (local.get $k0) (local.get $j)) (local.get $longs)))
        ;; healthyEntry
        (local.set $low (f64.mul (local.get $p0) (f64.sub (f64.const 1) (local.get $spread))))
        (local.set $high (f64.mul (local.get $p0) (f64.add (f64.const 1) (local.get $spread))))
        (if (local.get $long)
          (then (local.set $high (f64.min (local.get $high)
                  (f64.div (f64.mul (local.get $p0) (f64.sub (f64.const 1) (local.get $mm)))
                           (f64.sub (f64.const 1) (f64.div (f64.const 1) (local.get $lev)))))))
          (else (local.set $low (f64.max (local.get $low)
                  (f64.div (f64.mul (local.get $p0) (f64.add (f64.const 1) (local.get $mm)))
                           (f64.add (f64.const 1) (f64.div (f64.const 1) (local.get $lev))))))))
        (local.set $u (call $uniform))
        (local.set $entry (f64.add (local.get $low) (f64.mul (f64.sub (local.get $high) (local.get $low)) (local.get $u))))
        (local.set $margin (f64.div (f64.mul (local.get $s) (local.get $entry)) (local.get $lev)))
        (local.set $at (i32.shl (local.get $j) (i32.const 3)))
        (f64.store offset=131072 (local.get $at) (local.get $s))
        (f64.store offset=139264 (local.get $at) (local.get $entry))
        (f64.store offset=147456 (local.get $at) (local.get $margin))
        (if (f64.gt (local.get $s) (f64.const 0))
          (then
            (if (local.get $long)
              (then (call $file (i32.const 180224) (i32.const 155648) (i32.const 159744)
                      (i32.add (local.get $base) (local.get $j))
                      (f64.div (f64.sub (f64.mul (local.get $s) (local.get $entry)) (local.get $margin))
                               (f64.mul (local.get $s) (f64.sub (f64.const 1) (local.get $mm))))))
              (else (call $file (i32.const 180256) (i32.const 167936) (i32.const 172032)
                      (i32.add (local.get $base) (local.get $j))
                      (f64.neg (f64.div (f64.add (f64.mul (local.get $s) (local.get $entry)) (local.get $margin))
                                        (f64.mul (local.get $s) (f64.add (f64.const 1) (local.get $mm))))))))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $next))))
)
