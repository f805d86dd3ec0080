;; Filmfold's row kernels in WebAssembly SIMD (compiled into row-kernels-wasm.ts by
;; `npm run build:kernels -w @filmfold/model`). Both walk one row of a training side: for each
;; rating e of the row, f_e is the other side's row (k float32 at other + cols[e]*k*4), and they add
;; scale_e * f_e into out (k float32), four lanes at a time. k must be a multiple of 8.
(module
  (import "env" "memory" (memory 1 65536 shared))

  ;; f . v for k floats at $f and $v, in two sums of four lanes.
  (func $dot (param $f i32) (param $v i32) (param $kb i32) (result f32)
    (local $c i32) (local $a v128) (local $b v128)
    (local.set $a (v128.const i32x4 0 0 0 0))
    (local.set $b (v128.const i32x4 0 0 0 0))
    (loop $lanes
      (local.set $a (f32x4.add (local.get $a)
        (f32x4.mul (v128.load (i32.add (local.get $f) (local.get $c)))
                   (v128.load (i32.add (local.get $v) (local.get $c))))))
      (local.set $b (f32x4.add (local.get $b)
        (f32x4.mul (v128.load offset=16 (i32.add (local.get $f) (local.get $c)))
                   (v128.load offset=16 (i32.add (local.get $v) (local.get $c))))))
      (local.set $c (i32.add (local.get $c) (i32.const 32)))
      (br_if $lanes (i32.lt_u (local.get $c) (local.get $kb))))
    (local.set $a (f32x4.add (local.get $a) (local.get $b)))
    (f32.add
      (f32.add (f32x4.extract_lane 0 (local.get $a)) (f32x4.extract_lane 1 (local.get $a)))
      (f32.add (f32x4.extract_lane 2 (local.get $a)) (f32x4.extract_lane 3 (local.get $a)))))

  ;; out += s * f for k floats.
  (func $update (param $out i32) (param $f i32) (param $kb i32) (param $s f32)
    (local $c i32) (local $scale v128)
    (local.set $scale (f32x4.splat (local.get $s)))
    (loop $lanes
      (v128.store (i32.add (local.get $out) (local.get $c))
        (f32x4.add (v128.load (i32.add (local.get $out) (local.get $c)))
          (f32x4.mul (local.get $scale) (v128.load (i32.add (local.get $f) (local.get $c))))))
      (local.set $c (i32.add (local.get $c) (i32.const 16)))
      (br_if $lanes (i32.lt_u (local.get $c) (local.get $kb)))))

  ;; Implicit ALS (implicit-als.ts). With p = f_e . v and c = 1 + alpha * rating_e / 5:
  ;;   residual = 0 (A v):      scale = (c - alpha0) * p
  ;;   residual = 1 (b - A v):  scale = pull - (c - alpha0) * p, pull = 0 below negBelow, else c
  (func (export "implicitPass")
    (param $cols i32) (param $values i32) (param $start i32) (param $end i32)
    (param $other i32) (param $k i32) (param $v i32) (param $out i32)
    (param $alpha f32) (param $alpha0 f32) (param $negBelow f32) (param $residual i32)
    (local $e i32) (local $f i32) (local $kb i32) (local $rating f32) (local $c f32) (local $s f32)
    (local.set $kb (i32.shl (local.get $k) (i32.const 2)))
    (local.set $e (local.get $start))
    (block $done
      (loop $ratings
        (br_if $done (i32.ge_u (local.get $e) (local.get $end)))
        (local.set $f (i32.add (local.get $other) (i32.mul (local.get $kb)
          (i32.load (i32.add (local.get $cols) (i32.shl (local.get $e) (i32.const 2)))))))
        (local.set $rating (f32.load (i32.add (local.get $values) (i32.shl (local.get $e) (i32.const 2)))))
        (local.set $c (f32.add (f32.const 1)
          (f32.div (f32.mul (local.get $alpha) (local.get $rating)) (f32.const 5))))
        (local.set $s (f32.mul (f32.sub (local.get $c) (local.get $alpha0))
          (call $dot (local.get $f) (local.get $v) (local.get $kb))))
        (if (local.get $residual)
          (then
            (local.set $s (f32.sub
              (select (f32.const 0) (local.get $c)
                (i32.and (f32.gt (local.get $negBelow) (f32.const 0))
                         (f32.lt (local.get $rating) (local.get $negBelow))))
              (local.get $s)))))
        (call $update (local.get $out) (local.get $f) (local.get $kb) (local.get $s))
        (local.set $e (i32.add (local.get $e) (i32.const 1)))
        (br $ratings))))

  ;; The star model (biased-mf.ts), f_e extended by a constant 1 for the bias. With
  ;; p = f_e . v + vBias:
  ;;   residual = 0 (A v):      scale = p
  ;;   residual = 1 (b - A v):  scale = rating_e - mean - otherBias[cols[e]] - p
  ;; Returns the sum of the scales (the bias coordinate of the result).
  (func (export "starPass")
    (param $cols i32) (param $values i32) (param $start i32) (param $end i32)
    (param $other i32) (param $otherBias i32) (param $k i32) (param $v i32) (param $vBias f32)
    (param $out i32) (param $mean f32) (param $residual i32) (result f32)
    (local $e i32) (local $j i32) (local $f i32) (local $kb i32) (local $s f32) (local $sum f32)
    (local.set $kb (i32.shl (local.get $k) (i32.const 2)))
    (local.set $e (local.get $start))
    (block $done
      (loop $ratings
        (br_if $done (i32.ge_u (local.get $e) (local.get $end)))
        (local.set $j (i32.load (i32.add (local.get $cols) (i32.shl (local.get $e) (i32.const 2)))))
        (local.set $f (i32.add (local.get $other) (i32.mul (local.get $kb) (local.get $j))))
        (local.set $s (f32.add (local.get $vBias)
          (call $dot (local.get $f) (local.get $v) (local.get $kb))))
        (if (local.get $residual)
          (then
            (local.set $s (f32.sub
              (f32.sub
                (f32.sub
                  (f32.load (i32.add (local.get $values) (i32.shl (local.get $e) (i32.const 2))))
                  (local.get $mean))
                (f32.load (i32.add (local.get $otherBias) (i32.shl (local.get $j) (i32.const 2)))))
              (local.get $s)))))
        (call $update (local.get $out) (local.get $f) (local.get $kb) (local.get $s))
        (local.set $sum (f32.add (local.get $sum) (local.get $s)))
        (local.set $e (i32.add (local.get $e) (i32.const 1)))
        (br $ratings)))
    (local.get $sum))
)
