//! Python objects straight from the engine's serde output: a report becomes the dicts, lists, strs,
//! ints, floats, bools and `None`s that `json.loads` of its JSON would give (same keys in the same
//! order, non-finite floats as `None`, map keys as strings), without writing or parsing JSON text.
//!
//! Strings are shared where that is safe: Python strs are immutable, so every struct key (a
//! `&'static str` in the engine) is made once per conversion, and short values that repeat across
//! reports (rule ids, severities, checklist items' names) come from a cache. Dicts and lists are
//! always new objects, so changing one report never changes another.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use pyo3::IntoPyObjectExt;
use rustc_hash::FxHashMap;
use serde::ser::{self, Serialize};
use std::fmt;

/// Values longer than this are not looked up in the cache (long text is rarely repeated exactly).
const CACHED_VALUE_BYTES: usize = 96;
/// At most this many cached values: past it, strings are made as they come.
const CACHED_VALUES: usize = 100_000;

/// Strings made so far in one conversion (one call of `check`, or all reports of `check_many`).
#[derive(Default)]
pub struct Cache<'py> {
    keys: FxHashMap<(usize, usize), Bound<'py, PyString>>,
    values: FxHashMap<Box<str>, Bound<'py, PyString>>,
}

impl<'py> Cache<'py> {
    fn key(&mut self, py: Python<'py>, key: &'static str) -> Bound<'py, PyString> {
        self.keys.entry((key.as_ptr() as usize, key.len())).or_insert_with(|| PyString::new(py, key)).clone()
    }

    fn value(&mut self, py: Python<'py>, s: &str) -> Bound<'py, PyString> {
        if s.len() > CACHED_VALUE_BYTES {
            return PyString::new(py, s);
        }
        if let Some(v) = self.values.get(s) {
            return v.clone();
        }
        let v = PyString::new(py, s);
        if self.values.len() < CACHED_VALUES {
            self.values.insert(s.into(), v.clone());
        }
        v
    }
}

/// `value` as Python objects (as `json.loads(serde_json::to_string(value))` would give).
pub fn to_py<'py, T: Serialize + ?Sized>(
    py: Python<'py>,
    value: &T,
    cache: &mut Cache<'py>,
) -> PyResult<Bound<'py, PyAny>> {
    value.serialize(ToPy { py, cache }).map_err(|e| e.0)
}

/// A conversion error (a Python error, or a serde error as `ValueError`).
pub struct Error(PyErr);

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}
impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}
impl std::error::Error for Error {}
impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(PyValueError::new_err(msg.to_string()))
    }
}
impl From<PyErr> for Error {
    fn from(e: PyErr) -> Self {
        Error(e)
    }
}

type Out<'py> = Result<Bound<'py, PyAny>, Error>;

struct ToPy<'c, 'py> {
    py: Python<'py>,
    cache: &'c mut Cache<'py>,
}

fn any<'py, T: IntoPyObjectExt<'py>>(py: Python<'py>, v: T) -> Out<'py> {
    Ok(v.into_bound_py_any(py)?)
}

/// `{variant: value}`, as serde_json writes externally tagged enum variants.
fn tagged<'py>(cache: &mut Cache<'py>, py: Python<'py>, variant: &'static str, value: Bound<'py, PyAny>) -> Out<'py> {
    let d = PyDict::new(py);
    d.set_item(cache.key(py, variant), value)?;
    Ok(d.into_any())
}

impl<'c, 'py> ser::Serializer for ToPy<'c, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    type SerializeSeq = Seq<'c, 'py>;
    type SerializeTuple = Seq<'c, 'py>;
    type SerializeTupleStruct = Seq<'c, 'py>;
    type SerializeTupleVariant = Seq<'c, 'py>;
    type SerializeMap = Map<'c, 'py>;
    type SerializeStruct = Map<'c, 'py>;
    type SerializeStructVariant = Map<'c, 'py>;

    fn serialize_bool(self, v: bool) -> Out<'py> {
        any(self.py, v)
    }
    fn serialize_i8(self, v: i8) -> Out<'py> {
        any(self.py, v)
    }
    fn serialize_i16(self, v: i16) -> Out<'py> {
        any(self.py, v)
    }
    fn serialize_i32(self, v: i32) -> Out<'py> {
        any(self.py, v)
    }
    fn serialize_i64(self, v: i64) -> Out<'py> {
        any(self.py, v)
    }
    fn serialize_i128(self, v: i128) -> Out<'py> {
        any(self.py, v)
    }
    fn serialize_u8(self, v: u8) -> Out<'py> {
        any(self.py, v)
    }
    fn serialize_u16(self, v: u16) -> Out<'py> {
        any(self.py, v)
    }
    fn serialize_u32(self, v: u32) -> Out<'py> {
        any(self.py, v)
    }
    fn serialize_u64(self, v: u64) -> Out<'py> {
        any(self.py, v)
    }
    fn serialize_u128(self, v: u128) -> Out<'py> {
        any(self.py, v)
    }
    fn serialize_f32(self, v: f32) -> Out<'py> {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Out<'py> {
        // serde_json writes NaN and infinities as null.
        if v.is_finite() {
            any(self.py, v)
        } else {
            Ok(self.py.None().into_bound(self.py))
        }
    }
    fn serialize_char(self, v: char) -> Out<'py> {
        let mut buf = [0u8; 4];
        Ok(self.cache.value(self.py, v.encode_utf8(&mut buf)).into_any())
    }
    fn serialize_str(self, v: &str) -> Out<'py> {
        Ok(self.cache.value(self.py, v).into_any())
    }
    fn serialize_bytes(self, v: &[u8]) -> Out<'py> {
        Ok(PyList::new(self.py, v)?.into_any())
    }
    fn serialize_none(self) -> Out<'py> {
        Ok(self.py.None().into_bound(self.py))
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Out<'py> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Out<'py> {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Out<'py> {
        self.serialize_none()
    }
    fn serialize_unit_variant(self, _name: &'static str, _index: u32, variant: &'static str) -> Out<'py> {
        Ok(self.cache.key(self.py, variant).into_any())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _name: &'static str, value: &T) -> Out<'py> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Out<'py> {
        let py = self.py;
        let inner = value.serialize(ToPy { py, cache: &mut *self.cache })?;
        tagged(self.cache, py, variant, inner)
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Seq<'c, 'py>, Error> {
        Ok(Seq { py: self.py, cache: self.cache, items: Vec::with_capacity(len.unwrap_or(0)), variant: None })
    }
    fn serialize_tuple(self, len: usize) -> Result<Seq<'c, 'py>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<Seq<'c, 'py>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Seq<'c, 'py>, Error> {
        Ok(Seq { py: self.py, cache: self.cache, items: Vec::with_capacity(len), variant: Some(variant) })
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Map<'c, 'py>, Error> {
        Ok(Map { dict: PyDict::new(self.py), py: self.py, cache: self.cache, key: None, variant: None })
    }
    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<Map<'c, 'py>, Error> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Map<'c, 'py>, Error> {
        Ok(Map { dict: PyDict::new(self.py), py: self.py, cache: self.cache, key: None, variant: Some(variant) })
    }
}

/// A list being filled (sequences, tuples; `variant` for `{variant: [...]}`).
pub struct Seq<'c, 'py> {
    py: Python<'py>,
    cache: &'c mut Cache<'py>,
    items: Vec<Bound<'py, PyAny>>,
    variant: Option<&'static str>,
}

impl<'py> Seq<'_, 'py> {
    fn push<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        let v = value.serialize(ToPy { py: self.py, cache: &mut *self.cache })?;
        self.items.push(v);
        Ok(())
    }
    fn finish(self) -> Out<'py> {
        let list = PyList::new(self.py, self.items)?.into_any();
        match self.variant {
            Some(variant) => tagged(self.cache, self.py, variant, list),
            None => Ok(list),
        }
    }
}

impl<'py> ser::SerializeSeq for Seq<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.push(value)
    }
    fn end(self) -> Out<'py> {
        self.finish()
    }
}
impl<'py> ser::SerializeTuple for Seq<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.push(value)
    }
    fn end(self) -> Out<'py> {
        self.finish()
    }
}
impl<'py> ser::SerializeTupleStruct for Seq<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.push(value)
    }
    fn end(self) -> Out<'py> {
        self.finish()
    }
}
impl<'py> ser::SerializeTupleVariant for Seq<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.push(value)
    }
    fn end(self) -> Out<'py> {
        self.finish()
    }
}

/// A dict being filled (maps, structs; `variant` for `{variant: {...}}`).
pub struct Map<'c, 'py> {
    py: Python<'py>,
    cache: &'c mut Cache<'py>,
    dict: Bound<'py, PyDict>,
    key: Option<Bound<'py, PyAny>>,
    variant: Option<&'static str>,
}

impl<'py> Map<'_, 'py> {
    fn field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        let k = self.cache.key(self.py, key);
        let v = value.serialize(ToPy { py: self.py, cache: &mut *self.cache })?;
        self.dict.set_item(k, v)?;
        Ok(())
    }
    fn finish(self) -> Out<'py> {
        let dict = self.dict.into_any();
        match self.variant {
            Some(variant) => tagged(self.cache, self.py, variant, dict),
            None => Ok(dict),
        }
    }
}

impl<'py> ser::SerializeMap for Map<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        let k = key.serialize(ToPy { py: self.py, cache: &mut *self.cache })?;
        // JSON object keys are strings: serde_json writes number keys as their digits.
        let k = if k.is_instance_of::<PyString>() { k } else { k.str()?.into_any() };
        self.key = Some(k);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        let k = self.key.take().ok_or_else(|| <Error as ser::Error>::custom("a map value without its key"))?;
        let v = value.serialize(ToPy { py: self.py, cache: &mut *self.cache })?;
        self.dict.set_item(k, v)?;
        Ok(())
    }
    fn end(self) -> Out<'py> {
        self.finish()
    }
}
impl<'py> ser::SerializeStruct for Map<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        self.field(key, value)
    }
    fn end(self) -> Out<'py> {
        self.finish()
    }
}
impl<'py> ser::SerializeStructVariant for Map<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        self.field(key, value)
    }
    fn end(self) -> Out<'py> {
        self.finish()
    }
}
