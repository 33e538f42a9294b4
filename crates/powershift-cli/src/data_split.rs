//! The page's static data split by which part of the module uses it (issue 12 §1).
//!
//! [`crate::wasm_split::split`] moves functions the first load does not run into the rest of the
//! module, but their constant data (strings, tables, vtables: 109 KB of the first part's 652) stayed
//! in the first part. This moves every static that no function of the first part can reach into
//! the rest, which writes it into the shared memory when it is instantiated (an active data
//! segment): the first part's download loses ~40 % of its data.
//!
//! What a static is comes from the linker's map (`build.rs` asks `wasm-ld` for one: every input
//! section of the data with its address and size; Rust puts each static in its own section), read
//! by [`objects_of_map`]; the linker's merged strings are cut into their strings ([`pieces`]). What
//! the first part can reach is found in the optimised module, whatever wasm-opt inlined where
//! ([`anchors`]): every address its code names — an `i32.const`, both halves of an `i64.const`
//! (LLVM merges two stores of a `&'static str` into one), a load's or store's constant offset, a
//! global's start value — keeps the static it points into, and so, transitively, does every address
//! stored in a static it keeps ([`plan`]). Code may also name an address *outside* the static it
//! reads (an end pointer, `table - 8` folded into a loop): the linker's relocations say which
//! statics it addresses so (`build.rs` asks for `--emit-relocs`; [`addressed_from_outside`]), and
//! those stay whatever the code names. Bytes outside every static (padding, anything the map does
//! not name) stay.
//!
//! Why this is safe: the first part's code can only read a static through an address it names or
//! one it read from data it keeps; the rest's segments are written when it is instantiated, before
//! any of its functions runs (the synchronous safety net included), and nothing of the first part
//! writes the moved statics' bytes, so the write finds them untouched — the rest's segments cover
//! moved statics only ([`segments_of`], checked by [`apply`]). The linker's map and output must
//! describe the very data of the optimised module ([`check_same_data`]: every byte of it at the
//! same address, which wasm-bindgen and wasm-opt keep); otherwise nothing moves.
//!
//! Cost: O(code + data + statics · log statics).
//!
//! ```text
//! map:    100000 3 .rodata.a    100004 10 .rodata.b    100014 10 .rodata.c
//! first part's code: i32.const 0x100004    rest's code: i32.const 0x100014
//! data of b holds 0x100000 (a pointer to a)  =>  a, b stay; c moves to the rest
//! ```

use std::collections::BTreeSet;

use walrus::ir::{dfs_in_order, Instr, Value, Visitor};
use walrus::{ConstExpr, DataKind, FunctionId, FunctionKind, GlobalKind, MemoryId, Module};

/// Zero bytes that end a segment: a segment's header costs ~6 bytes, so shorter runs of zeros are
/// cheaper kept in it.
pub const GAP: usize = 16;

/// Where one static lies: `[start, end)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Extent {
    /// Its first byte's address.
    pub start: u32,
    /// One past its last byte.
    pub end: u32,
    /// The linker's merged strings (`<internal>:(.rodata)`): many NUL-terminated constants, which
    /// [`pieces`] tells apart.
    pub merged: bool,
    /// The code addresses it from outside its bounds (see [`addressed_from_outside`]): it stays.
    pub pinned: bool,
}

/// `objects` with every merged-strings section cut into its strings, each ending after a NUL byte
/// (`mem` at `base` holds the bytes). The linker cuts such a section the same way to merge equal
/// strings (LLVM puts a constant there only when its one NUL is its last byte), so an address into
/// one string (its start, or a shared tail) reads only that string. O(statics + merged bytes).
pub fn pieces(objects: &[Extent], base: u32, mem: &[u8]) -> Vec<Extent> {
    let mut out = Vec::with_capacity(objects.len());
    for o in objects {
        let inside = o.start >= base && (o.end - base) as usize <= mem.len();
        if !o.merged || !inside {
            out.push(*o);
            continue;
        }
        let mut start = o.start;
        for a in o.start..o.end {
            if mem[(a - base) as usize] == 0 {
                out.push(Extent { start, end: a + 1, merged: false, pinned: o.pinned });
                start = a + 1;
            }
        }
        if start < o.end {
            out.push(Extent { start, end: o.end, merged: false, pinned: o.pinned });
        }
    }
    out
}

/// The statics of a `wasm-ld` map (`--Map`): the input sections of its `DATA` section, sorted by
/// address, without empty ones. O(length of the map).
///
/// The map's columns are `Addr Off Size Out In Symbol`; an output section (`.rodata`) starts in
/// the `Out` column, an input section eight columns further (`file.o:(.rodata.x)`), a symbol
/// eight more.
pub fn objects_of_map(map: &str) -> Result<Vec<Extent>, String> {
    const OUT: usize = 27;
    let mut in_data = false;
    let mut out = Vec::new();
    for line in map.lines() {
        let Some(rest) = line.get(OUT..) else { continue };
        if !rest.starts_with(' ') {
            // A section of the module (`DATA`, `CUSTOM(name)`) or an output section (`.rodata`).
            if !rest.starts_with('.') {
                in_data = rest == "DATA";
            }
            continue;
        }
        let is_input = rest.len() > 8 && rest[..8].bytes().all(|b| b == b' ') && !rest[8..].starts_with(' ');
        if !in_data || !is_input {
            continue;
        }
        let mut cols = line.split_whitespace();
        let (Some(addr), Some(_off), Some(size)) = (cols.next(), cols.next(), cols.next()) else {
            return Err(format!("linker map: cannot read {line:?}"));
        };
        let hex = |s: &str| u32::from_str_radix(s, 16).map_err(|_| format!("linker map: not an address in {line:?}"));
        let (start, size) = (hex(addr)?, hex(size)?);
        if size > 0 {
            let end = start.checked_add(size).ok_or("linker map: an extent overflows")?;
            out.push(Extent { start, end, merged: rest[8..].starts_with("<internal>:(.rodata"), pinned: false });
        }
    }
    if out.is_empty() {
        return Err("linker map: no data section".into());
    }
    powershift_core::sort::sort(&mut out);
    Ok(out)
}

/// The statics of the page's module from the linker's map beside the linker's output
/// (`<target>/wasm32-unknown-unknown/release/powershift-app.{wasm,map}`, `build.rs`), if they
/// describe `wasm`'s data ([`check_same_data`]), those the code addresses from outside their bounds
/// pinned ([`addressed_from_outside`]; the output must have its relocations); the error says why
/// not. Looks in `$CARGO_TARGET_DIR`, `./target` and the workspace's `target`.
pub fn linker_statics(wasm: &[u8]) -> Result<Vec<Extent>, String> {
    let mut dirs: Vec<std::path::PathBuf> = std::env::var_os("CARGO_TARGET_DIR").map(Into::into).into_iter().collect();
    dirs.push("target".into());
    dirs.push(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target"));
    let built = segments_of_binary(wasm)?;
    let mut why = Vec::new();
    for dir in dirs {
        let dir = dir.join("wasm32-unknown-unknown/release");
        let (map, linked) = (dir.join("powershift-app.map"), dir.join("powershift-app.wasm"));
        let found = std::fs::read_to_string(&map)
            .map_err(|e| format!("{}: {e}", map.display()))
            .and_then(|m| objects_of_map(&m))
            .and_then(|mut objects| {
                let bytes = std::fs::read(&linked).map_err(|e| format!("{}: {e}", linked.display()))?;
                let segments = segments_of_binary(&bytes)?;
                check_same_data(&segments, &built, &objects)?;
                for target in addressed_from_outside(&bytes, &segments)? {
                    for o in objects
                        .iter_mut()
                        .filter(|o| o.start < target.end.max(target.start + 1) && target.start < o.end)
                    {
                        o.pinned = true;
                    }
                }
                Ok(objects)
            });
        match found {
            Ok(objects) => return Ok(objects),
            Err(e) => why.push(format!("{}: {e}", dir.display())),
        }
    }
    Err(why.join("; "))
}

/// The data symbols (their extents) that the relocations of the code and of the data in the
/// linker's output (`linked`, with `--emit-relocs`; `segments`: its data segments) address outside
/// their bounds: an end pointer (addend = size), a negative addend, one past the end. The optimised
/// code, or a pointer in a static, may then name an address outside the static it reads, so [`plan`]
/// keeps these whatever the code names. In the page's module 4 of 6 804 code relocations are such
/// (3 end pointers, one 4 bytes past) and none of the 2 031 in the data. An error when the output
/// has no relocations. O(size of the module).
pub fn addressed_from_outside(linked: &[u8], segments: &[(u32, Vec<u8>)]) -> Result<Vec<Extent>, String> {
    let mut r = Reader { b: linked, p: 8 };
    let mut linking = None;
    let mut relocs = Vec::new();
    while r.p < linked.len() {
        let id = r.byte()?;
        let len = r.leb()? as usize;
        let end = r.p.checked_add(len).filter(|e| *e <= linked.len()).ok_or("a section runs past the end")?;
        if id == 0 {
            let n = r.leb()? as usize;
            let name = linked.get(r.p..r.p + n).ok_or("a section name runs past the end")?;
            match name {
                b"linking" => linking = Some((r.p + n, end)),
                b"reloc.CODE" | b"reloc.DATA" => relocs.push((r.p + n, end)),
                _ => {}
            }
        }
        r.p = end;
    }
    let (Some((from, to)), false) = (linking, relocs.is_empty()) else {
        return Err("the linker's output has no relocations (build.rs asks for --emit-relocs)".into());
    };
    // The symbol table (tool-conventions, Linking.md): data symbols are (segment, offset, size).
    let mut symbols: Vec<Option<Extent>> = Vec::new();
    let mut r = Reader { b: &linked[..to], p: from };
    if r.leb()? != 2 {
        return Err("the linking section is not version 2".into());
    }
    while r.p < to {
        let kind = r.byte()?;
        let len = r.leb()? as usize;
        let end = r.p + len;
        if kind == 8 {
            for _ in 0..r.leb()? {
                let sym = r.byte()?;
                let flags = r.leb()?;
                let (undefined, explicit_name) = (flags & 0x10 != 0, flags & 0x40 != 0);
                let name = |r: &mut Reader| -> Result<(), String> {
                    let n = r.leb()? as usize;
                    r.p += n;
                    Ok(())
                };
                symbols.push(match sym {
                    1 => {
                        name(&mut r)?;
                        if undefined {
                            None
                        } else {
                            let (segment, offset, size) = (r.leb()? as usize, r.leb()? as u32, r.leb()? as u32);
                            // A `.bss` symbol's segment is not in the data section: nothing to move.
                            segments.get(segment).map(|s| Extent {
                                start: s.0 + offset,
                                end: s.0 + offset + size,
                                merged: false,
                                pinned: false,
                            })
                        }
                    }
                    3 => {
                        r.leb()?;
                        None
                    }
                    _ => {
                        r.leb()?;
                        if !undefined || explicit_name {
                            name(&mut r)?;
                        }
                        None
                    }
                });
            }
        }
        r.p = end;
    }
    // The relocations: type, offset, symbol, and an addend for the address types.
    let mut out = Vec::new();
    for (rfrom, rto) in relocs {
        let mut r = Reader { b: &linked[..rto], p: rfrom };
        r.leb()?;
        for _ in 0..r.leb()? {
            let ty = r.byte()?;
            r.leb()?;
            let symbol = r.leb()? as usize;
            let addend = if matches!(ty, 3 | 4 | 5 | 8 | 9 | 11 | 14..=17 | 21 | 22 | 23 | 25) { r.sleb()? } else { 0 };
            let memory_address = matches!(ty, 3 | 4 | 5 | 11 | 14..=17);
            if let (true, Some(Some(s))) = (memory_address, symbols.get(symbol)) {
                if addend < 0 || addend >= i64::from(s.end - s.start) {
                    out.push(*s);
                }
            }
        }
    }
    Ok(out)
}

/// The active data segments of a module's binary (offset, bytes), read directly (the linker's
/// output also has DWARF sections a full parse does not need). `None` for a passive segment or an
/// offset that is not a constant. O(size of the module).
pub fn segments_of_binary(wasm: &[u8]) -> Result<Vec<(u32, Vec<u8>)>, String> {
    let mut r = Reader { b: wasm, p: 8 };
    if wasm.get(..4) != Some(b"\0asm") {
        return Err("not a WebAssembly module".into());
    }
    let mut out = Vec::new();
    while r.p < wasm.len() {
        let id = r.byte()?;
        let len = r.leb()? as usize;
        let end = r.p.checked_add(len).filter(|e| *e <= wasm.len()).ok_or("a section runs past the end")?;
        if id == 11 {
            for _ in 0..r.leb()? {
                if r.leb()? != 0 {
                    return Err("a data segment that is not active in memory 0".into());
                }
                if r.byte()? != 0x41 {
                    return Err("a data segment whose offset is not an i32.const".into());
                }
                let offset = r.sleb()? as u32;
                if r.byte()? != 0x0b {
                    return Err("a data segment's offset is not a single constant".into());
                }
                let n = r.leb()? as usize;
                let bytes = wasm.get(r.p..r.p + n).ok_or("a data segment runs past the end")?;
                out.push((offset, bytes.to_vec()));
                r.p += n;
            }
        }
        r.p = end;
    }
    Ok(out)
}

struct Reader<'a> {
    b: &'a [u8],
    p: usize,
}

impl Reader<'_> {
    fn byte(&mut self) -> Result<u8, String> {
        let b = *self.b.get(self.p).ok_or("the module ends early")?;
        self.p += 1;
        Ok(b)
    }
    fn leb(&mut self) -> Result<u64, String> {
        let (mut v, mut shift) = (0u64, 0);
        loop {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
            shift += 7;
            if shift > 63 {
                return Err("an integer too long".into());
            }
        }
    }
    fn sleb(&mut self) -> Result<i64, String> {
        let (mut v, mut shift) = (0i64, 0);
        loop {
            let b = self.byte()?;
            v |= i64::from(b & 0x7f) << shift;
            shift += 7;
            if b & 0x80 == 0 {
                if shift < 64 && b & 0x40 != 0 {
                    v |= -1 << shift;
                }
                return Ok(v);
            }
            if shift > 63 {
                return Err("an integer too long".into());
            }
        }
    }
}

/// The memory's first bytes as the data segments leave them, from the lowest segment's address:
/// `(base, bytes)`. O(data).
pub fn image(segments: &[(u32, Vec<u8>)]) -> (u32, Vec<u8>) {
    let base = segments.iter().map(|s| s.0).min().unwrap_or(0);
    let end = segments.iter().map(|s| s.0 as usize + s.1.len()).max().unwrap_or(base as usize);
    let mut mem = vec![0u8; end - base as usize];
    for (at, bytes) in segments {
        let a = (*at - base) as usize;
        mem[a..a + bytes.len()].copy_from_slice(bytes);
    }
    (base, mem)
}

/// Checks that the linker's output (`linked`, whose map gave `objects`) has the data of the
/// optimised module (`built`): every byte of `built` at the same address in `linked`, no non-zero
/// byte of `linked` missing from `built`, every static inside the linker's data. O(data).
pub fn check_same_data(linked: &[(u32, Vec<u8>)], built: &[(u32, Vec<u8>)], objects: &[Extent]) -> Result<(), String> {
    let (lbase, lmem) = image(linked);
    let (bbase, bmem) = image(built);
    let at =
        |mem: &[u8], base: u32, a: usize| a.checked_sub(base as usize).and_then(|i| mem.get(i)).copied().unwrap_or(0);
    let lo = lbase.min(bbase) as usize;
    let hi = (lbase as usize + lmem.len()).max(bbase as usize + bmem.len());
    if let Some(a) = (lo..hi).find(|&a| at(&lmem, lbase, a) != at(&bmem, bbase, a)) {
        return Err(format!("the linker's data differs from the module's at {a:#x}"));
    }
    // Every byte the linker wrote lies in a static of its map.
    let (first, last) = (objects[0].start as usize, objects[objects.len() - 1].end as usize);
    let outside = lmem.iter().enumerate().any(|(i, b)| *b != 0 && !(first..last).contains(&(lbase as usize + i)));
    if outside {
        return Err("the linker's map does not cover its data".into());
    }
    Ok(())
}

/// Every address the code of `functions` and the start values of `m`'s globals name (see the
/// module's doc). O(size of the code).
pub fn anchors(m: &Module, functions: impl IntoIterator<Item = FunctionId>) -> BTreeSet<u32> {
    let mut a = Anchors::default();
    for id in functions {
        if let FunctionKind::Local(f) = &m.funcs.get(id).kind {
            dfs_in_order(&mut a, f, f.entry_block());
        }
    }
    for g in m.globals.iter() {
        if let GlobalKind::Local(ConstExpr::Value(v)) = &g.kind {
            a.value(v);
        }
    }
    a.found
}

#[derive(Default)]
struct Anchors {
    found: BTreeSet<u32>,
}

impl Anchors {
    fn value(&mut self, v: &Value) {
        match *v {
            Value::I32(x) => {
                self.found.insert(x as u32);
            }
            Value::I64(x) => {
                self.found.insert(x as u32);
                self.found.insert((x >> 32) as u32);
            }
            Value::V128(x) => {
                for k in 0..4 {
                    self.found.insert((x >> (32 * k)) as u32);
                }
            }
            Value::F32(_) | Value::F64(_) => {}
        }
    }
}

impl<'a> Visitor<'a> for Anchors {
    fn visit_instr(&mut self, instr: &'a Instr, _: &'a walrus::InstrLocId) {
        let offset = match instr {
            Instr::Const(c) => {
                self.value(&c.value);
                return;
            }
            Instr::Load(i) => i.arg.offset,
            Instr::Store(i) => i.arg.offset,
            Instr::AtomicRmw(i) => i.arg.offset,
            Instr::Cmpxchg(i) => i.arg.offset,
            Instr::AtomicNotify(i) => i.arg.offset,
            Instr::AtomicWait(i) => i.arg.offset,
            Instr::LoadSimd(i) => i.arg.offset,
            _ => return,
        };
        if let Ok(o) = u32::try_from(offset) {
            self.found.insert(o);
        }
    }
}

/// Which statics the first part keeps, given the addresses its code names (`anchors`) and the
/// memory's image (`base`, `mem`, to follow the addresses stored in kept statics). `objects` sorted
/// and disjoint. O((anchors + kept data) · log statics).
///
/// An address keeps the static it points into — one named by the code, or stored in a kept static
/// (a pointer the linker wrote) — and a pinned static (addressed from outside) is always kept.
pub fn plan(objects: &[Extent], base: u32, mem: &[u8], anchors: &BTreeSet<u32>) -> Vec<bool> {
    let mut keep = vec![false; objects.len()];
    let mut todo: Vec<u32> = anchors.iter().copied().collect();
    todo.extend(objects.iter().filter(|o| o.pinned).map(|o| o.start));
    while let Some(a) = todo.pop() {
        let i = objects.partition_point(|o| o.end <= a);
        let Some(o) = objects.get(i).filter(|o| o.start <= a) else { continue };
        if keep[i] {
            continue;
        }
        keep[i] = true;
        // Follow the addresses it holds (4-byte aligned words).
        let mut w = o.start.next_multiple_of(4);
        while w + 4 <= o.end {
            if let Some(bytes) = w.checked_sub(base).and_then(|i| mem.get(i as usize..i as usize + 4)) {
                todo.push(u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]));
            }
            w += 4;
        }
    }
    keep
}

/// The runs of non-zero bytes of `mem` within `ranges` (offsets into `mem`, sorted, disjoint; `mem`
/// at `base`) as segments, a run of [`GAP`] zeros or more ending one. A segment never reaches
/// outside the ranges, not even with zeros: the rest's segments are written into a memory the first
/// part is using, and a zero there would erase one of its statics. O(bytes in the ranges).
pub fn segments_of(base: u32, mem: &[u8], ranges: &[(usize, usize)]) -> Vec<(u32, Vec<u8>)> {
    // Ranges that touch make one.
    let mut whole: Vec<(usize, usize)> = Vec::new();
    for &(from, to) in ranges {
        match whole.last_mut() {
            Some(last) if last.1 == from => last.1 = to,
            _ => whole.push((from, to)),
        }
    }
    let mut out = Vec::new();
    for (from, to) in whole {
        let mut i = from;
        while i < to {
            if mem[i] == 0 {
                i += 1;
                continue;
            }
            // A run: from a non-zero byte to the last one before GAP zeros or the range's end.
            let start = i;
            let mut last = i;
            while i < to && (mem[i] != 0 || i - last <= GAP) {
                if mem[i] != 0 {
                    last = i;
                }
                i += 1;
            }
            out.push((base + start as u32, mem[start..=last].to_vec()));
            i = last + 1;
        }
    }
    out
}

/// What [`apply`] moved.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Moved {
    /// Statics moved to the rest.
    pub statics: usize,
    /// Their non-zero bytes' span, in bytes.
    pub bytes: usize,
    /// Statics in the map.
    pub of: usize,
}

/// Moves the statics the first part cannot reach out of `primary`'s data into active segments of
/// `secondary` (on its memory `secondary_memory`, the primary's imported). `kept_functions`: the
/// primary's functions that run before the rest arrives. O(code + data).
pub fn apply(
    primary: &mut Module,
    kept_functions: &[FunctionId],
    secondary: &mut Module,
    secondary_memory: MemoryId,
    objects: &[Extent],
) -> Result<Moved, String> {
    let mut segs = Vec::new();
    let mut ids = Vec::new();
    for d in primary.data.iter() {
        match &d.kind {
            DataKind::Active { offset: ConstExpr::Value(Value::I32(at)), .. } => {
                segs.push((*at as u32, d.value.clone()))
            }
            _ => return Err("a data segment that is not active at a constant address".into()),
        }
        ids.push(d.id());
    }
    let Some(memory) = primary.memories.iter().next().map(|m| m.id()) else { return Ok(Moved::default()) };
    if segs.is_empty() {
        return Ok(Moved::default());
    }
    let (base, mem) = image(&segs);
    let anchors = anchors(primary, kept_functions.iter().copied());
    let objects = pieces(objects, base, &mem);
    let objects = &objects[..];
    let keep = plan(objects, base, &mem, &anchors);
    // Byte ranges of the image (offsets into `mem`) each part writes.
    let clip = |o: &Extent| {
        let s = (o.start.max(base) - base) as usize;
        let e = ((o.end.max(base) - base) as usize).min(mem.len());
        (s.min(e), e)
    };
    let moved: Vec<(usize, usize)> = objects.iter().zip(&keep).filter(|(_, k)| !**k).map(|(o, _)| clip(o)).collect();
    let mut stays = Vec::new();
    let mut at = 0;
    for &(s, e) in &moved {
        if s > at {
            stays.push((at, s));
        }
        at = at.max(e);
    }
    if at < mem.len() {
        stays.push((at, mem.len()));
    }
    for id in ids {
        primary.data.delete(id);
    }
    primary.memories.get_mut(memory).data_segments.clear();
    let add = |m: &mut Module, mem_id: MemoryId, segs: Vec<(u32, Vec<u8>)>| {
        for (at, bytes) in segs {
            let id =
                m.data.add(DataKind::Active { memory: mem_id, offset: ConstExpr::Value(Value::I32(at as i32)) }, bytes);
            m.memories.get_mut(mem_id).data_segments.insert(id);
        }
    };
    let first = segments_of(base, &mem, &stays);
    let rest = segments_of(base, &mem, &moved);
    check_parts(base, &mem, &moved, &first, &rest)?;
    add(primary, memory, first);
    let bytes = rest.iter().map(|s| s.1.len()).sum();
    add(secondary, secondary_memory, rest);
    Ok(Moved { statics: keep.iter().filter(|k| !**k).count(), bytes, of: objects.len() })
}

/// Checks what [`apply`] writes: each part's segments lie on its own bytes only (the rest's on the
/// moved statics), and both together are the data. O(data).
fn check_parts(
    base: u32,
    mem: &[u8],
    moved: &[(usize, usize)],
    first: &[(u32, Vec<u8>)],
    rest: &[(u32, Vec<u8>)],
) -> Result<(), String> {
    let mut is_moved = vec![false; mem.len()];
    for &(s, e) in moved {
        is_moved[s..e].iter_mut().for_each(|m| *m = true);
    }
    let mut again = vec![0u8; mem.len()];
    for (segs, of_rest) in [(first, false), (rest, true)] {
        for (at, bytes) in segs {
            let from = (*at - base) as usize;
            if (from..from + bytes.len()).any(|i| is_moved.get(i) != Some(&of_rest)) {
                return Err(format!("the data split wrote a segment at {at:#x} over the other part's bytes"));
            }
            again[from..from + bytes.len()].copy_from_slice(bytes);
        }
    }
    if again != mem {
        return Err("the data split lost bytes".into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAP: &str = "    Addr      Off     Size Out     In      Symbol
       -        8      361 TYPE
       -    44dd3   11afe7 CODE
       -    44dd5       f5         x.o:(_ZN14powershift_app4main17h8372a2892e633dbaE)
       -    44dd5       f5                 _ZN14powershift_app4main17h8372a2892e633dbaE
       -   15fdba    1ace7 DATA
  100000   15fdbb       40 .rodata
  100000   15fdc5        3         x.o:(.rodata..Lanon.5)
  100000   15fdc5        3                 .Lanon.5
  100004   15fdc9       10         x.o:(.rodata..Lanon.15)
  100004   15fdc9       10                 .Lanon.15
  100014   15fdd9       10         <internal>:(.rodata)
  100040        0        8 .bss
  100040        0        0         x.o:(.bss.empty)
  100040        0        8         x.o:(.bss.counter)
       -   17aaa1     1c4e CUSTOM(.debug_abbrev)
  999999        0       10         x.o:(.rodata.not_data)
";

    #[test]
    fn a_map_gives_the_input_sections_of_the_data() {
        let got = objects_of_map(MAP).unwrap();
        let want = [(0x100000, 0x100003), (0x100004, 0x100014), (0x100014, 0x100024), (0x100040, 0x100048)];
        let mut want = want.map(|(start, end)| Extent { start, end, merged: false, pinned: false });
        want[2].merged = true;
        assert_eq!(got, want);
        assert!(objects_of_map("    Addr      Off     Size Out     In      Symbol\n").is_err());
    }

    fn ext(v: &[(u32, u32)]) -> Vec<Extent> {
        v.iter().map(|&(start, end)| Extent { start, end, merged: false, pinned: false }).collect()
    }

    #[test]
    fn merged_strings_are_cut_after_each_nul() {
        // A static [0,2) and merged strings "ab\0c\0" and an unterminated tail "d" at [2,8).
        let mem = [1, 2, b'a', b'b', 0, b'c', 0, b'd'];
        let objects = [
            Extent { start: 100, end: 102, merged: false, pinned: false },
            Extent { start: 102, end: 108, merged: true, pinned: false },
        ];
        let got: Vec<(u32, u32)> = pieces(&objects, 100, &mem).iter().map(|o| (o.start, o.end)).collect();
        assert_eq!(got, [(100, 102), (102, 105), (105, 107), (107, 108)]);
    }

    #[test]
    fn an_address_keeps_its_static_and_the_statics_it_points_to() {
        // a [0,4); b [4,12) holds a pointer to d; c [40,44); d [80,84); e [120,124).
        let mut objects = ext(&[(0, 4), (4, 12), (40, 44), (80, 84), (120, 124)]);
        let mut mem = vec![0u8; 124];
        mem[8..12].copy_from_slice(&80u32.to_le_bytes());
        for o in &objects {
            mem[o.start as usize] = 0xff; // not an address: 255 lies past every static
        }
        // An address inside b keeps b and, through b's word, d; nothing names a, c or e.
        assert_eq!(plan(&objects, 0, &mem, &BTreeSet::from([6])), [false, true, false, true, false]);
        // At a static's start, that static only; in padding or far away, nothing.
        assert_eq!(plan(&objects, 0, &mem, &BTreeSet::from([40])), [false, false, true, false, false]);
        assert_eq!(plan(&objects, 0, &mem, &BTreeSet::from([20, 5000])), [false; 5]);
        // A static the code addresses from outside (pinned) stays whatever the code names.
        objects[4].pinned = true;
        assert_eq!(plan(&objects, 0, &mem, &BTreeSet::new()), [false, false, false, false, true]);
    }

    /// A section: id, length, payload.
    fn section(id: u8, payload: &[u8]) -> Vec<u8> {
        let mut out = vec![id, u8::try_from(payload.len()).unwrap()];
        out.extend_from_slice(payload);
        out
    }

    fn custom(name: &str, body: &[u8]) -> Vec<u8> {
        let mut payload = vec![u8::try_from(name.len()).unwrap()];
        payload.extend_from_slice(name.as_bytes());
        payload.extend_from_slice(body);
        section(0, &payload)
    }

    #[test]
    fn relocations_outside_their_static_pin_it() {
        // One segment at 1024 holding a [1024,1028) and b [1028,1032).
        let data = section(11, &[1, 0, 0x41, 0x80, 0x08, 0x0b, 8, 1, 2, 3, 4, 5, 6, 7, 8]);
        // Symbol table (subsection 8): two defined data symbols (kind 1, flags 0, name, segment,
        // offset, size) and a function symbol (kind 0, flags 0, index, name).
        let entries = [3, 1, 0, 1, b'a', 0, 0, 4, 1, 0, 1, b'b', 0, 4, 4, 0, 0, 0, 1, b'f'];
        let mut linking = vec![2, 8, u8::try_from(entries.len()).unwrap()];
        linking.extend_from_slice(&entries);
        // Code relocations (type 4, a memory address as SLEB): a + 0 (inside), b + 4 (b's end).
        let relocs = [0, 2, 4, 0, 0, 0, 4, 5, 1, 4];
        let mut without = b"\0asm\x01\0\0\0".to_vec();
        without.extend(data);
        without.extend(custom("linking", &linking));
        let module = [without.clone(), custom("reloc.CODE", &relocs)].concat();
        let segments = segments_of_binary(&module).unwrap();
        let got = addressed_from_outside(&module, &segments).unwrap();
        assert_eq!(got.iter().map(|e| (e.start, e.end)).collect::<Vec<_>>(), [(1028, 1032)]);
        // A pointer in the data past its static (reloc.DATA) counts the same.
        let in_data = [without.clone(), custom("reloc.DATA", &relocs)].concat();
        let got = addressed_from_outside(&in_data, &segments).unwrap();
        assert_eq!(got.iter().map(|e| (e.start, e.end)).collect::<Vec<_>>(), [(1028, 1032)]);
        // Without relocations: an error, and nothing moves.
        assert!(addressed_from_outside(&without, &segments).is_err());
    }

    #[test]
    fn segments_are_the_runs_of_non_zero_bytes() {
        let mut mem = vec![0u8; 100];
        mem[2] = 1;
        mem[5] = 2; // 2 zeros from the first: same segment
        mem[40] = 3; // far: a new one
        mem[41] = 4;
        let segs = segments_of(1000, &mem, &[(0, 100)]);
        assert_eq!(segs, vec![(1002, vec![1, 0, 0, 2]), (1040, vec![3, 4])]);
        // Only the given ranges.
        assert_eq!(segments_of(1000, &mem, &[(0, 10)]), vec![(1002, vec![1, 0, 0, 2])]);
        // Never over a byte between two ranges, even a zero within GAP: it belongs to the other part.
        assert_eq!(segments_of(1000, &mem, &[(0, 3), (5, 6)]), vec![(1002, vec![1]), (1005, vec![2])]);
        // Ranges that touch are one.
        assert_eq!(segments_of(1000, &mem, &[(0, 3), (3, 6)]), vec![(1002, vec![1, 0, 0, 2])]);
    }

    #[test]
    fn the_binary_reader_reads_what_walrus_writes() {
        let mut m = Module::with_config(walrus::ModuleConfig::new());
        let mem = m.memories.add_local(false, false, 1, None, None);
        m.data.add(DataKind::Active { memory: mem, offset: ConstExpr::Value(Value::I32(70000)) }, vec![1, 2, 3]);
        m.data.add(DataKind::Active { memory: mem, offset: ConstExpr::Value(Value::I32(16)) }, vec![9]);
        let segs = segments_of_binary(&m.emit_wasm()).unwrap();
        assert_eq!(segs, vec![(70000, vec![1, 2, 3]), (16, vec![9])]);
        let objects = ext(&[(16, 17), (70000, 70003)]);
        assert!(check_same_data(&segs, &[(16, vec![9]), (70000, vec![1, 2, 3])], &objects).is_ok());
        assert!(check_same_data(&segs, &[(16, vec![9]), (70000, vec![1, 2, 4])], &objects).is_err());
        // wasm-opt drops zeros and splits segments: still the same data.
        assert!(check_same_data(&[(16, vec![9, 0, 0, 5])], &[(16, vec![9]), (19, vec![5])], &ext(&[(16, 20)])).is_ok());
    }
}
