//! Splitting the page's WebAssembly module by what its first load runs (issue 12 §1).
//!
//! The page's module holds every panel, every dialog and every error path, but the first load runs
//! only part of it. [`split`] cuts a module in two, the way binaryen's `wasm-split` does for
//! Emscripten (which is not available here, see BENCHMARKS.md):
//!
//! - the **primary** module keeps the functions named in a load profile (recorded by
//!   [`instrument`] and `bench/split-profile.mjs`) and replaces every other function that it still
//!   calls with a small *thunk*: if the rest has not arrived yet (`ps_rest_ready` is 0), it calls the
//!   app's export [`LOAD_EXPORT`], which fetches and instantiates the secondary module
//!   synchronously; then it calls the real function through a reserved slot of the function table;
//! - the **secondary** module holds the moved functions, imports the primary's memory, tables,
//!   globals and the functions it calls (exported by the primary as `psf<index>`, `psm`, `pst<i>`,
//!   `psg<i>`), and writes its functions into the reserved table slots when it is instantiated.
//!
//! The page normally fetches the secondary after its first screen is ready (the boot script, see
//! [`crate::site`]), so the synchronous path is only a safety net for a function the profile
//! missed; an e2e test fails when the load takes it.
//!
//! Every function keeps its index in the primary (a thunk stands in for a moved one), so calls,
//! exports and the function table's entries (trait objects, closures) need no rewriting.
//! Cost: O(size of the module); a thunk is ~15 bytes per moved function the primary still calls.
//!
//! ```text
//! primary:   f12 (moved) = if !ps_rest_ready { ps_load_rest() }; call_indirect slot 900 (args…)
//! secondary: (import "p" "psm" memory) (import "p" "~7" (func …)) … (elem (i32.const 900) f12 …)
//! ```

use std::collections::{BTreeMap, BTreeSet};

use walrus::ir::{dfs_in_order, Instr, UnaryOp, Value, Visitor};
use walrus::{
    ConstExpr, ElementItems, ElementKind, ExportItem, FunctionBuilder, FunctionId, FunctionKind, ImportKind,
    ImportedFunction, Module, ModuleConfig, RefType, ValType,
};

/// The app's export that loads the secondary module synchronously (`src/platform/rest_module.rs`).
pub const LOAD_EXPORT: &str = "ps_load_rest";
/// The primary's exported mutable global: 1 once the secondary's functions are in the table.
pub const READY_EXPORT: &str = "ps_rest_ready";
/// The prefix of the instrumented build's per-function globals (`ps_hit_<index>`).
pub const HIT_PREFIX: &str = "ps_hit_";

/// The two modules and what moved.
#[derive(Debug)]
pub struct Split {
    /// The module the page loads first.
    pub primary: Vec<u8>,
    /// The module with the rest, fetched after the first screen.
    pub secondary: Vec<u8>,
    /// Functions defined in the input module.
    pub functions: usize,
    /// Functions moved to the secondary module.
    pub moved: usize,
    /// Thunks left in the primary (moved functions the primary still calls or points to).
    pub thunks: usize,
    /// The statics moved with them (when the linker's map was given).
    pub data: Option<crate::data_split::Moved>,
}

fn parse(wasm: &[u8], names: bool) -> Result<Module, String> {
    // POWERSHIFT_SPLIT_NAMES=1 keeps the names everywhere (a stack trace of the page then names its frames).
    let names = names || std::env::var_os("POWERSHIFT_SPLIT_NAMES").is_some();
    let mut config = ModuleConfig::new();
    config.generate_name_section(names).generate_producers_section(false);
    let mut m = config.parse(wasm).map_err(|e| format!("cannot read the WebAssembly module: {e:#}"))?;
    // The linker's relocations (`build.rs`: `--emit-relocs`, read by `crate::data_split`) pass through
    // wasm-bindgen and wasm-opt, stale and ~1.3 MB: no module the page loads keeps them.
    let link: Vec<_> = m
        .customs
        .iter()
        .filter(|(_, c)| c.name() == "linking" || c.name().starts_with("reloc."))
        .map(|(id, _)| id)
        .collect();
    for id in link {
        m.customs.delete(id);
    }
    Ok(m)
}

/// The function names of `wasm` in the order [`instrument`] numbers them (defined functions only);
/// a function without a name is `""`.
pub fn local_names(wasm: &[u8]) -> Result<Vec<String>, String> {
    let m = parse(wasm, true)?;
    Ok(m.funcs.iter_local().map(|(id, _)| m.funcs.get(id).name.clone().unwrap_or_default()).collect())
}

/// `wasm` without its name section (the shipped module does not carry names).
pub fn without_names(wasm: &[u8]) -> Result<Vec<u8>, String> {
    Ok(parse(wasm, false)?.emit_wasm())
}

/// (old, new) names.
pub type Renames = Vec<(String, String)>;

/// `wasm` with its imports from `module` renamed `_0`, `_1`, … (base 36) and that module renamed
/// `w`, and the (old, new) name pairs for the JavaScript glue: wasm-bindgen names its ~240 imports
/// `__wbg_<name>_<hash>` under `./<crate>_bg.js`, ~14 KB of the first download, 5 KiB gzipped.
pub fn shorten_imports(wasm: &[u8], module: &str) -> Result<(Vec<u8>, Renames), String> {
    let mut m = parse(wasm, false)?;
    let mut renames = Vec::new();
    for import in m.imports.iter_mut() {
        if import.module == module {
            let new = format!("_{}", base36(renames.len()));
            renames.push((std::mem::replace(&mut import.name, new.clone()), new));
            import.module = "w".to_string();
        }
    }
    Ok((m.emit_wasm(), renames))
}

fn base36(mut n: usize) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[n % 36]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// A copy of `wasm` in which every defined function, on entry, sets an exported global
/// `ps_hit_<n>` to 1 (`n` counts defined functions in order, see [`local_names`]). A page running
/// it can list the functions its load ran. O(functions).
pub fn instrument(wasm: &[u8]) -> Result<Vec<u8>, String> {
    let mut m = parse(wasm, true)?;
    let ids: Vec<FunctionId> = m.funcs.iter_local().map(|(id, _)| id).collect();
    for (n, id) in ids.into_iter().enumerate() {
        let g = m.globals.add_local(ValType::I32, true, false, ConstExpr::Value(Value::I32(0)));
        m.exports.add(&format!("{HIT_PREFIX}{n}"), g);
        let f = m.funcs.get_mut(id).kind.unwrap_local_mut();
        f.builder_mut()
            .func_body()
            .instr_at(0, walrus::ir::Const { value: Value::I32(1) })
            .instr_at(1, walrus::ir::GlobalSet { global: g });
    }
    Ok(m.emit_wasm())
}

/// Finds what a function body refers to: the functions it calls or points to, and whether it uses
/// an instruction a secondary module cannot have (data or element segments of the primary, a
/// function reference).
#[derive(Default)]
struct Refs {
    calls: Vec<FunctionId>,
    pinned: bool,
}

impl<'a> Visitor<'a> for Refs {
    fn visit_instr(&mut self, instr: &'a Instr, _: &'a walrus::InstrLocId) {
        match instr {
            Instr::Call(c) => self.calls.push(c.func),
            Instr::ReturnCall(c) => {
                self.calls.push(c.func);
                self.pinned = true;
            }
            Instr::RefFunc(_)
            | Instr::MemoryInit(_)
            | Instr::DataDrop(_)
            | Instr::TableInit(_)
            | Instr::ElemDrop(_)
            | Instr::ReturnCallIndirect(_)
            | Instr::ReturnCallRef(_) => self.pinned = true,
            _ => {}
        }
    }
}

fn refs(m: &Module, id: FunctionId) -> Refs {
    let mut r = Refs::default();
    if let FunctionKind::Local(f) = &m.funcs.get(id).kind {
        dfs_in_order(&mut r, f, f.entry_block());
    }
    r
}

/// `name` without the `.<number>` that the name section adds to tell apart functions of one name
/// (`<str>::to_lowercase.352`): the number changes with unrelated code elsewhere (another
/// function of that name appearing or going), so a profile matches names without it — every
/// function of that name stays, which costs a few small copies at most. O(length).
///
/// ```text
/// base_name("core::slice::memchr::memchr.322") == "core::slice::memchr::memchr"
/// base_name("f::h0123abcd") == "f::h0123abcd"
/// ```
pub fn base_name(name: &str) -> &str {
    match name.rsplit_once('.') {
        Some((base, n)) if !base.is_empty() && !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => base,
        _ => name,
    }
}

/// Splits `wasm` (which must keep its name section) into a primary module with the functions
/// whose names are in `keep` (and those without a name) and a secondary module with the rest. The load function
/// ([`LOAD_EXPORT`]) and every function it calls directly stay in the primary whatever the profile
/// says (a thunk inside the loader would call the loader again), and so do the start function and
/// functions that use the primary's segments. Neither output keeps a name section (unless
/// `POWERSHIFT_SPLIT_NAMES` is set, for debugging). With `objects` (the statics of the linker's
/// map, checked against `wasm`'s data), the statics no function of the primary can reach move to
/// the secondary too ([`crate::data_split`]).
pub fn split(
    wasm: &[u8],
    keep: &BTreeSet<String>,
    objects: Option<&[crate::data_split::Extent]>,
) -> Result<Split, String> {
    let keep: BTreeSet<&str> = keep.iter().map(|k| base_name(k)).collect();
    let mut p = parse(wasm, false)?;
    let mut s = parse(wasm, false)?;
    let names = local_names(wasm)?;
    let p_ids: Vec<FunctionId> = p.funcs.iter().map(|f| f.id()).collect();
    let s_ids: Vec<FunctionId> = s.funcs.iter().map(|f| f.id()).collect();
    let index: BTreeMap<FunctionId, usize> = p_ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();

    // Which defined functions move.
    let mut stays = vec![true; p_ids.len()];
    let mut name_of = vec![String::new(); p_ids.len()];
    let mut local_n = 0;
    for (i, id) in p_ids.iter().enumerate() {
        if let FunctionKind::Local(_) = p.funcs.get(*id).kind {
            name_of[i] = names.get(local_n).cloned().unwrap_or_default();
            local_n += 1;
            // A function without a name (wasm-bindgen's generated ones) cannot be found in a profile.
            stays[i] = name_of[i].is_empty() || keep.contains(base_name(&name_of[i])) || refs(&p, *id).pinned;
        }
    }
    if let Some(start) = p.start {
        stays[index[&start]] = true;
    }
    let load = p.exports.get_func(LOAD_EXPORT).map_err(|_| format!("the module has no export {LOAD_EXPORT:?}"))?;
    let mut todo = vec![load];
    let mut seen = BTreeSet::new();
    while let Some(f) = todo.pop() {
        if seen.insert(index[&f]) {
            stays[index[&f]] = true;
            todo.extend(refs(&p, f).calls);
        }
    }
    let moved: Vec<usize> = (0..p_ids.len()).filter(|&i| !stays[i]).collect();

    // The function table the thunks call through, and the slots the secondary fills.
    let table = p
        .tables
        .iter()
        .find(|t| t.element_ty == RefType::FUNCREF && t.import.is_none())
        .map(|t| t.id())
        .ok_or("the module has no function table of its own")?;
    let base = p.tables.get(table).initial;
    let slot_of: BTreeMap<usize, u64> = moved.iter().enumerate().map(|(k, &i)| (i, base + k as u64)).collect();

    // The secondary: the moved functions; everything else imported from the primary.
    let table_names: Vec<String> = (0..s.tables.iter().count()).map(|j| format!("pst{j}")).collect();
    for (i, id) in s_ids.iter().enumerate() {
        if !stays[i] {
            continue;
        }
        let ty = s.funcs.get(*id).ty();
        if let FunctionKind::Import(old) = &s.funcs.get(*id).kind {
            let old = old.import;
            s.imports.delete(old);
        }
        let import = s.imports.add("p", &function_import_name(i), ImportKind::Function(*id));
        s.funcs.get_mut(*id).kind = FunctionKind::Import(ImportedFunction { import, ty });
    }
    let mem_ids: Vec<_> = s.memories.iter().map(|m| m.id()).collect();
    for (j, mid) in mem_ids.into_iter().enumerate() {
        if let Some(old) = s.memories.get(mid).import {
            s.imports.delete(old);
        }
        let import = s.imports.add("p", if j == 0 { "psm" } else { "psm1" }, ImportKind::Memory(mid));
        let mem = s.memories.get_mut(mid);
        mem.import = Some(import);
        mem.data_segments.clear();
    }
    let data_ids: Vec<_> = s.data.iter().map(|d| d.id()).collect();
    for d in data_ids {
        s.data.delete(d);
    }
    let data = match objects {
        Some(objects) => {
            let kept: Vec<FunctionId> = (0..p_ids.len()).filter(|&i| stays[i]).map(|i| p_ids[i]).collect();
            let memory = s.memories.iter().next().map(|m| m.id()).ok_or("the module has no memory")?;
            Some(crate::data_split::apply(&mut p, &kept, &mut s, memory, objects)?)
        }
        None => None,
    };
    let elem_ids: Vec<_> = s.elements.iter().map(|e| e.id()).collect();
    for e in elem_ids {
        s.elements.delete(e);
    }
    let s_tables: Vec<_> = s.tables.iter().map(|t| t.id()).collect();
    let mut s_table = None;
    for (j, tid) in s_tables.iter().enumerate() {
        if let Some(old) = s.tables.get(*tid).import {
            s.imports.delete(old);
        }
        let import = s.imports.add("p", &table_names[j], ImportKind::Table(*tid));
        let t = s.tables.get_mut(*tid);
        t.import = Some(import);
        t.elem_segments.clear();
        t.init = None;
        if p.tables.iter().nth(j).map(|pt| pt.id()) == Some(table) {
            t.initial = base + moved.len() as u64;
            t.maximum = t.maximum.map(|m| m.max(t.initial));
            s_table = Some(*tid);
        }
    }
    let s_table = s_table.ok_or("the secondary lost the function table")?;
    let globals: Vec<_> = s.globals.iter().map(|g| g.id()).collect();
    for (j, gid) in globals.iter().enumerate() {
        if let walrus::GlobalKind::Import(old) = s.globals.get(*gid).kind {
            s.imports.delete(old);
        }
        let import = s.imports.add("p", &format!("psg{j}"), ImportKind::Global(*gid));
        s.globals.get_mut(*gid).kind = walrus::GlobalKind::Import(import);
    }
    let exports: Vec<_> = s.exports.iter().map(|e| e.id()).collect();
    for e in exports {
        s.exports.delete(e);
    }
    s.start = None;
    let seg = s.elements.add(
        ElementKind::Active { table: s_table, offset: ConstExpr::Value(Value::I32(base as i32)) },
        ElementItems::Functions(moved.iter().map(|&i| s_ids[i]).collect()),
    );
    s.tables.get_mut(s_table).elem_segments.insert(seg);
    let custom: Vec<_> = s.customs.iter().map(|(id, _)| id).collect();
    for c in custom {
        s.customs.delete(c);
    }
    walrus::passes::gc::run(&mut s);
    let needed: Vec<String> = s.imports.iter().filter(|i| i.module == "p").map(|i| i.name.clone()).collect();

    // The primary: thunks for the moved functions, the reserved slots, the exports the secondary needs.
    {
        let t = p.tables.get_mut(table);
        t.initial = base + moved.len() as u64;
        t.maximum = t.maximum.map(|m| m.max(t.initial));
    }
    let ready = p.globals.add_local(ValType::I32, true, false, ConstExpr::Value(Value::I32(0)));
    p.exports.add(READY_EXPORT, ready);
    for &i in &moved {
        let id = p_ids[i];
        let ty = p.funcs.get(id).ty();
        let (params, results) = {
            let t = p.types.get(ty);
            (t.params().to_vec(), t.results().to_vec())
        };
        let args: Vec<_> = params.iter().map(|t| p.locals.add(*t)).collect();
        let mut b = FunctionBuilder::new(&mut p.types, &params, &results);
        let mut body = b.func_body();
        body.global_get(ready).unop(UnaryOp::I32Eqz).if_else(
            None,
            |then| {
                then.call(load);
            },
            |_| {},
        );
        for a in &args {
            body.local_get(*a);
        }
        body.i32_const(slot_of[&i] as i32).call_indirect(ty, table);
        p.funcs.get_mut(id).kind = FunctionKind::Local(b.local_func(args));
    }
    let p_globals: Vec<_> = p.globals.iter().map(|g| g.id()).collect();
    let p_tables: Vec<_> = p.tables.iter().map(|t| t.id()).collect();
    let p_mems: Vec<_> = p.memories.iter().map(|m| m.id()).collect();
    for name in &needed {
        let item: ExportItem = if let Some(i) = name.strip_prefix('~') {
            let i = usize::from_str_radix(i, 36).map_err(|_| format!("bad import {name}"))?;
            ExportItem::Function(p_ids[i])
        } else if let Some(j) = name.strip_prefix("pst") {
            ExportItem::Table(p_tables[j.parse::<usize>().map_err(|_| format!("bad import {name}"))?])
        } else if let Some(j) = name.strip_prefix("psg") {
            ExportItem::Global(p_globals[j.parse::<usize>().map_err(|_| format!("bad import {name}"))?])
        } else if name == "psm" {
            ExportItem::Memory(p_mems[0])
        } else {
            ExportItem::Memory(p_mems[1])
        };
        p.exports.add(name, item);
    }
    walrus::passes::gc::run(&mut p);
    let left: BTreeSet<FunctionId> = p.funcs.iter().map(|f| f.id()).collect();
    let thunks = moved.iter().filter(|&&i| left.contains(&p_ids[i])).count();
    Ok(Split { primary: p.emit_wasm(), secondary: s.emit_wasm(), functions: local_n, moved: moved.len(), thunks, data })
}

/// The name under which the primary exports its function `i` to the secondary: `~` and `i` in base
/// 36 (`~2uo`). The primary's first download carries one such export per function the secondary
/// calls (~850), so the name is kept short; `~` starts no name wasm-bindgen gives.
fn function_import_name(i: usize) -> String {
    let mut digits = Vec::new();
    let mut n = i;
    loop {
        digits.push(char::from_digit((n % 36) as u32, 36).unwrap_or('0'));
        n /= 36;
        if n == 0 {
            break;
        }
    }
    std::iter::once('~').chain(digits.into_iter().rev()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use walrus::ir::{BinaryOp, LoadKind, MemArg};

    #[test]
    fn function_import_names_are_short_and_read_back() {
        assert_eq!(function_import_name(0), "~0");
        assert_eq!(function_import_name(35), "~z");
        assert_eq!(function_import_name(36), "~10");
        assert_eq!(function_import_name(3696), "~2uo");
        for i in [0, 7, 36, 1295, 1296, 99_999] {
            let name = function_import_name(i);
            assert_eq!(usize::from_str_radix(name.strip_prefix('~').unwrap(), 36), Ok(i));
        }
    }

    /// A small module with what the page's has: a memory with data, a mutable global, a function
    /// table with an entry, an import, and the load export. `main(x) = a(x) + c()`, where
    /// `a(x) = 2·b(x)`, `b(x) = x + g + mem[1024]` and `c` is called through the table; with g = 40 and
    /// mem[1024] = 1, `main(5)` = 2·46 + 7 = 99.
    fn fixture() -> Vec<u8> {
        use ValType::I32;
        let mut m = Module::with_config(ModuleConfig::new());
        let mem = m.memories.add_local(false, false, 1, None, None);
        m.exports.add("memory", mem);
        m.data.add(
            walrus::DataKind::Active { memory: mem, offset: ConstExpr::Value(Value::I32(1024)) },
            vec![1, 0, 0, 0],
        );
        let table = m.tables.add_local(false, 1, Some(1), RefType::FUNCREF);
        let g = m.globals.add_local(I32, true, false, ConstExpr::Value(Value::I32(40)));
        let unit = m.types.add(&[], &[]);
        let (js_load, _) = m.add_import_func("env", "load", unit);

        let mut f = FunctionBuilder::new(&mut m.types, &[], &[]);
        f.name("load".into()).func_body().call(js_load);
        let load = f.finish(vec![], &mut m.funcs);
        m.exports.add(LOAD_EXPORT, load);

        let x = m.locals.add(I32);
        let mut f = FunctionBuilder::new(&mut m.types, &[I32], &[I32]);
        let arg = MemArg { align: 4, offset: 0 };
        f.name("b".into())
            .func_body()
            .local_get(x)
            .global_get(g)
            .binop(BinaryOp::I32Add)
            .i32_const(1024)
            .load(mem, LoadKind::I32 { atomic: false }, arg)
            .binop(BinaryOp::I32Add);
        let b = f.finish(vec![x], &mut m.funcs);

        let x = m.locals.add(I32);
        let mut f = FunctionBuilder::new(&mut m.types, &[I32], &[I32]);
        f.name("a".into()).func_body().local_get(x).call(b).i32_const(2).binop(BinaryOp::I32Mul);
        let a = f.finish(vec![x], &mut m.funcs);

        let mut f = FunctionBuilder::new(&mut m.types, &[], &[I32]);
        f.name("c".into()).func_body().i32_const(7);
        let c = f.finish(vec![], &mut m.funcs);
        let c_ty = m.funcs.get(c).ty();
        let seg = m.elements.add(
            ElementKind::Active { table, offset: ConstExpr::Value(Value::I32(0)) },
            ElementItems::Functions(vec![c]),
        );
        m.tables.get_mut(table).elem_segments.insert(seg);

        let x = m.locals.add(I32);
        let mut f = FunctionBuilder::new(&mut m.types, &[I32], &[I32]);
        f.name("main".into())
            .func_body()
            .local_get(x)
            .call(a)
            .i32_const(0)
            .call_indirect(c_ty, table)
            .binop(BinaryOp::I32Add);
        let main = f.finish(vec![x], &mut m.funcs);
        m.exports.add("main", main);
        m.emit_wasm()
    }

    fn keep(names: &[&str]) -> BTreeSet<String> {
        names.iter().map(|n| n.to_string()).collect()
    }

    #[test]
    fn what_the_profile_does_not_name_moves_and_thunks_stay_only_where_the_primary_needs_them() {
        let s = split(&fixture(), &keep(&["main", "load"]), None).unwrap();
        assert_eq!((s.functions, s.moved), (5, 3), "a, b and c move");
        // main calls a; the table points to c; b is called only from a, in the secondary.
        assert_eq!(s.thunks, 2);
        let p = Module::from_buffer(&s.primary).unwrap();
        let r = Module::from_buffer(&s.secondary).unwrap();
        let exports: BTreeSet<&str> = p.exports.iter().map(|e| e.name.as_str()).collect();
        for name in [READY_EXPORT, LOAD_EXPORT, "main", "memory", "psm", "psg0", "pst0"] {
            assert!(exports.contains(name), "{name} not exported: {exports:?}");
        }
        let imports: BTreeSet<(&str, &str)> = r.imports.iter().map(|i| (i.module.as_str(), i.name.as_str())).collect();
        assert_eq!(imports, [("p", "psg0"), ("p", "psm"), ("p", "pst0")].into_iter().collect());
        assert!(r.exports.iter().next().is_none() && r.data.iter().next().is_none(), "the secondary adds no data");
        assert_eq!(r.funcs.iter_local().count(), 3);
        // The primary grew its table by the three reserved slots.
        assert_eq!(p.tables.iter().next().unwrap().initial, 4);
        // Kept names: nothing moves; the loader stays even when the profile misses it.
        assert_eq!(split(&fixture(), &keep(&["main", "a", "b", "c"]), None).unwrap().moved, 0);
        assert_eq!(split(&fixture(), &keep(&[]), None).unwrap().moved, 4, "all but the loader");
        // A profile recorded when `a` was `a.7` (another function of its name existed) still keeps it.
        assert_eq!(split(&fixture(), &keep(&["main", "a.7"]), None).unwrap().moved, 2, "b and c move");
    }

    #[test]
    fn a_name_without_its_number_is_its_base_name() {
        assert_eq!(base_name("core::slice::memchr::memchr.322"), "core::slice::memchr::memchr");
        assert_eq!(base_name("<str>::to_lowercase"), "<str>::to_lowercase");
        assert_eq!(base_name("f::h0123abcd"), "f::h0123abcd");
        assert_eq!(base_name("v1.2a"), "v1.2a");
        assert_eq!(base_name(".5"), ".5");
        assert_eq!(base_name("x."), "x.");
    }

    /// Runs `main(5)` in Node: the primary alone until a moved function is called, which loads the
    /// secondary through the load export (as the page's boot script does), then again.
    fn run(primary: &[u8], secondary: &[u8]) -> String {
        // One folder per call: tests run in parallel in one process.
        static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let call = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("powershift-split-{}-{call}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("p.wasm"), primary).unwrap();
        std::fs::write(dir.join("s.wasm"), secondary).unwrap();
        let script = r#"
const fs = require('fs');
const [p, s] = ['p.wasm', 's.wasm'].map((f) => new WebAssembly.Module(fs.readFileSync(process.argv[1] + '/' + f)));
let loads = 0, e;
e = new WebAssembly.Instance(p, { env: { load() { loads++; new WebAssembly.Instance(s, { p: e }); if (e.ps_rest_ready) e.ps_rest_ready.value = 1; } } }).exports;
const first = e.main(5);
console.log([first, e.main(5), loads].join(' '));
"#;
        let out = std::process::Command::new("node")
            .args(["-e", script, dir.to_str().unwrap()])
            .output()
            .expect("node (installed by scripts/setup.sh) runs the split modules");
        let _ = std::fs::remove_dir_all(&dir);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap().trim().to_string()
    }

    #[test]
    fn the_split_modules_compute_what_the_whole_one_did_loading_the_rest_once() {
        let whole = fixture();
        let s = split(&whole, &keep(&["main", "load"]), None).unwrap();
        assert_eq!(run(&s.primary, &s.secondary), "99 99 1");
        // Everything kept: nothing to load.
        let s = split(&whole, &keep(&["main", "a", "b", "c"]), None).unwrap();
        assert_eq!(run(&s.primary, &s.secondary), "99 99 0");
    }

    #[test]
    fn data_only_moved_functions_read_moves_with_them_and_is_there_when_they_run() {
        use crate::data_split::Extent;
        let whole = fixture();
        let statics = [Extent { start: 1024, end: 1028, merged: false, pinned: false }];
        let data = |w: &[u8]| Module::from_buffer(w).unwrap().data.iter().map(|d| d.value.clone()).collect::<Vec<_>>();
        // Only b reads mem[1024]: with b in the rest, so is its static, written when the rest arrives.
        let s = split(&whole, &keep(&["main", "load"]), Some(&statics)).unwrap();
        assert_eq!(s.data.map(|d| (d.statics, d.bytes)), Some((1, 1)));
        assert_eq!((data(&s.primary), data(&s.secondary)), (vec![], vec![vec![1]]));
        assert_eq!(run(&s.primary, &s.secondary), "99 99 1");
        // b kept: its static stays.
        let s = split(&whole, &keep(&["main", "a", "b", "c"]), Some(&statics)).unwrap();
        assert_eq!((data(&s.primary), data(&s.secondary)), (vec![vec![1]], vec![]));
        assert_eq!(run(&s.primary, &s.secondary), "99 99 0");
    }

    #[test]
    fn imports_get_short_names_under_a_one_letter_module() {
        let (wasm, renames) = shorten_imports(&fixture(), "env").unwrap();
        assert_eq!(renames, [("load".to_string(), "_0".to_string())]);
        let m = Module::from_buffer(&wasm).unwrap();
        let imports: Vec<(&str, &str)> = m.imports.iter().map(|i| (i.module.as_str(), i.name.as_str())).collect();
        assert_eq!(imports, [("w", "_0")]);
        assert_eq!([base36(0), base36(35), base36(36), base36(239)], ["0", "z", "10", "6n"]);
    }

    #[test]
    fn the_instrumented_module_has_a_flag_per_function_named_in_order() {
        let wasm = fixture();
        let mut names = local_names(&wasm).unwrap();
        powershift_core::sort::sort(&mut names);
        assert_eq!(names, ["a", "b", "c", "load", "main"]);
        let m = Module::from_buffer(&instrument(&wasm).unwrap()).unwrap();
        let hits = m.exports.iter().filter(|e| e.name.starts_with(HIT_PREFIX)).count();
        assert_eq!(hits, 5);
        assert!(local_names(&without_names(&wasm).unwrap()).unwrap().iter().all(String::is_empty));
    }
}
