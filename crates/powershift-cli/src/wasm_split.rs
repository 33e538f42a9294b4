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
//! secondary: (import "p" "psm" memory) (import "p" "psf7" (func …)) … (elem (i32.const 900) f12 …)
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
}

fn parse(wasm: &[u8], names: bool) -> Result<Module, String> {
    let mut config = ModuleConfig::new();
    config.generate_name_section(names).generate_producers_section(false);
    config.parse(wasm).map_err(|e| format!("cannot read the WebAssembly module: {e:#}"))
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

/// Splits `wasm` (which must keep its name section) into a primary module with the functions
/// whose names are in `keep` and a secondary module with the rest. The load function
/// ([`LOAD_EXPORT`]) and every function it calls directly stay in the primary whatever the profile
/// says (a thunk inside the loader would call the loader again), and so do the start function and
/// functions that use the primary's segments. Neither output keeps a name section.
pub fn split(wasm: &[u8], keep: &BTreeSet<String>) -> Result<Split, String> {
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
            stays[i] = keep.contains(&name_of[i]) || refs(&p, *id).pinned;
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
        let import = s.imports.add("p", &format!("psf{i}"), ImportKind::Function(*id));
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
        let item: ExportItem = if let Some(i) = name.strip_prefix("psf") {
            let i: usize = i.parse().map_err(|_| format!("bad import {name}"))?;
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
    Ok(Split { primary: p.emit_wasm(), secondary: s.emit_wasm(), functions: local_n, moved: moved.len(), thunks })
}
